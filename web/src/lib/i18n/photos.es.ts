import type { photosEn } from "./photos.en.ts";

/** Fotos de la persona objeto de una notificación, archivo PDF de la notificación e impresión. Español. */
export const photosEs: Record<keyof typeof photosEn, string> = {
  "photos.heading": "Fotos de la persona",
  "photos.none": "No hay ninguna foto de la persona.",
  "photos.alt": "Foto del rostro {n} de {name}",
  "photos.publicBadge": "En el extracto público",
  "photos.publicToggle": "Mostrar la foto {n} en el extracto público",
  "photos.publicHint":
    "El sitio público solo muestra las fotos marcadas aquí, y solo cuando la notificación se ha publicado con un extracto público. El consentimiento puede retirarse en cualquier momento.",
  "photos.retract": "Retirar la foto {n}",
  "photos.retractQuestion": "¿Retirar la foto {n}?",
  "photos.retractBody":
    "Dejará de mostrarse, imprimirse y publicarse. Se conserva en el historial de la notificación.",
  "photos.retractConfirm": "Retirar la foto",
  "photos.retractedCount":
    "{count, plural, one {# foto retirada se conserva en el historial.} other {# fotos retiradas se conservan en el historial.}}",
  "photos.add": "Añadir una foto del rostro",
  "photos.file": "Foto del rostro de la persona",
  "photos.fileHint":
    "JPEG, PNG o WebP, 10 MB como máximo, que muestre el rostro de la persona sola. Se guarda sin sus metadatos (cámara, posición GPS).",
  "photos.publicOnUpload": "Mostrarla en el extracto público",
  "photos.uploading": "Comprobando la foto…",
  "photos.added": "Se ha añadido la foto.",
  "photos.alreadyThere": "Esta foto ya está adjunta.",
  "photos.error.notImage": "Este archivo no es una imagen legible. Elija una foto JPEG, PNG o WebP.",
  "photos.error.tooLarge": "Esta foto es demasiado grande: 10 MB como máximo.",
  "photos.error.type": "No se acepta este tipo de archivo. Elija una foto JPEG, PNG o WebP.",
  "photos.error.noFace":
    "No se ha encontrado ningún rostro en esta foto. Elija una foto que muestre el rostro de la persona.",
  "photos.error.severalFaces":
    "Se han encontrado varios rostros en esta foto. Elija una foto de la persona sola.",
  "photos.error.tooSmall":
    "Esta foto es demasiado pequeña para mostrar un rostro: al menos 32 píxeles de lado.",
  "photos.error.notDraft": "Solo se pueden añadir fotos mientras la solicitud es un borrador.",
  "photos.error.tooMany": "Una notificación tiene como máximo 20 fotos. Retire una primero.",
  "photos.wizard.heading": "Fotos del rostro",
  "photos.wizard.hint":
    "Al elegir una foto, la solicitud se guarda primero como borrador; después la foto se comprueba y se adjunta.",
  "photos.downloadPdf": "Descargar en PDF",
  "photos.downloadPdfLabel": "Descargar en PDF: notificación {number}",
  "photos.print": "Imprimir",
  "photos.printLabel": "Imprimir la notificación {number}",
  "photos.printedOn": "Impreso el {date} por {user}. Tratamiento: {handling}.",
  "photos.draftNumber": "borrador",
  "photos.publicAlt": "Foto de {name}",
};
