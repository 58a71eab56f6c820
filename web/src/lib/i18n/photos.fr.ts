import type { photosEn } from "./photos.en.ts";

/** Photos de la personne visée par une notice, fichier PDF de la notice et impression. Français. */
export const photosFr: Record<keyof typeof photosEn, string> = {
  "photos.heading": "Photos de la personne",
  "photos.none": "Aucune photo de la personne.",
  "photos.alt": "Photo du visage {n} de {name}",
  "photos.publicBadge": "Sur l'extrait public",
  "photos.publicToggle": "Montrer la photo {n} sur l'extrait public",
  "photos.publicHint":
    "Le site public ne montre que les photos cochées ici, et seulement une fois la notice publiée avec un extrait public. Le consentement peut être retiré à tout moment.",
  "photos.retract": "Retirer la photo {n}",
  "photos.retractQuestion": "Retirer la photo {n} ?",
  "photos.retractBody":
    "Elle ne sera plus affichée, imprimée ni publiée. Elle reste dans l'historique de la notice.",
  "photos.retractConfirm": "Retirer la photo",
  "photos.retractedCount":
    "{count, plural, one {# photo retirée est conservée dans l'historique.} other {# photos retirées sont conservées dans l'historique.}}",
  "photos.add": "Ajouter une photo du visage",
  "photos.file": "Photo du visage de la personne",
  "photos.fileHint":
    "JPEG, PNG ou WebP, 10 Mo au plus, montrant le visage de la personne seule. Elle est conservée sans ses métadonnées (appareil, position GPS).",
  "photos.publicOnUpload": "La montrer sur l'extrait public",
  "photos.uploading": "Vérification de la photo…",
  "photos.added": "La photo a été ajoutée.",
  "photos.alreadyThere": "Cette photo est déjà jointe.",
  "photos.error.notImage": "Ce fichier n'est pas une image lisible. Choisissez une photo JPEG, PNG ou WebP.",
  "photos.error.tooLarge": "Cette photo est trop volumineuse : 10 Mo au plus.",
  "photos.error.type": "Ce type de fichier n'est pas accepté. Choisissez une photo JPEG, PNG ou WebP.",
  "photos.error.noFace":
    "Aucun visage n'a été trouvé sur cette photo. Choisissez une photo qui montre le visage de la personne.",
  "photos.error.severalFaces":
    "Plusieurs visages ont été trouvés sur cette photo. Choisissez une photo de la personne seule.",
  "photos.error.tooSmall": "Cette photo est trop petite pour montrer un visage : au moins 32 pixels de côté.",
  "photos.error.notDraft": "Les photos ne peuvent être ajoutées que tant que la demande est un brouillon.",
  "photos.error.tooMany": "Une notice compte au plus 20 photos. Retirez-en une d'abord.",
  "photos.wizard.heading": "Photos du visage",
  "photos.wizard.hint":
    "Choisir une photo enregistre d'abord la demande comme brouillon ; la photo est ensuite vérifiée et jointe.",
  "photos.downloadPdf": "Télécharger en PDF",
  "photos.downloadPdfLabel": "Télécharger en PDF : notice {number}",
  "photos.print": "Imprimer",
  "photos.printLabel": "Imprimer la notice {number}",
  "photos.printedOn": "Imprimé le {date} par {user}. Traitement : {handling}.",
  "photos.draftNumber": "brouillon",
  "photos.publicAlt": "Photo de {name}",
};
