/**
 * Errors people can act on, confirmations and kept drafts: English (the reference; see messages.ts).
 * Field sentences get the field's label as `field` and, for the too_* codes, the bound as `limit`.
 */
export const errorsEn = {
  // ---- a problem as a whole, by its code (src/shared/errors.ts) ----
  "problem.bad_request": "The request could not be processed. Check what you entered and try again.",
  "problem.validation_failed": "Some fields need correcting:",
  "problem.unauthenticated": "You are not signed in, or the username, password or code is wrong.",
  "problem.totp_required": "Enter the one-time code from your authenticator app.",
  "problem.forbidden": "Your role does not allow this.",
  "problem.not_found": "This item does not exist, or it is not shared with your country.",
  "problem.conflict": "This conflicts with data that already exists.",
  "problem.stale":
    "Someone else changed this while you had it open, so nothing was saved. What you entered is still here: load the current version, then apply your change again.",
  "problem.invalid_transition":
    "This action is not possible in the item's current state. Reload the page to see where it stands.",
  "problem.payload_too_large": "The file or text is larger than this form accepts.",
  "problem.unsupported_media_type": "This kind of file is not accepted here.",
  "problem.unprocessable":
    "The content could not be read or used. Check the file or the values and try again.",
  "problem.locked": "This account is temporarily locked. Try again later or contact your administrator.",
  "problem.rate_limited": "Too many attempts. Wait a moment and try again.",
  "problem.unavailable": "The service is temporarily unavailable. Try again in a few minutes.",
  "problem.internal": "Something went wrong on our side. It has been logged; try again later.",
  "problem.unknown": "Something went wrong. Try again.",
  "problem.network": "The server could not be reached. Check your connection and try again.",
  // ---- one field, by why it was refused (fieldErrorCodes) ----
  "fieldError.required": "{field} is required.",
  "fieldError.not_integer": "{field} must be a whole number.",
  "fieldError.not_number": "{field} must be a number.",
  "fieldError.wrong_type": "{field} does not hold the kind of value expected.",
  "fieldError.too_short":
    "{field} must be at least {limit, plural, one {# character} other {# characters}} long.",
  "fieldError.too_long":
    "{field} must be at most {limit, plural, one {# character} other {# characters}} long.",
  "fieldError.too_few": "{field} needs at least {limit, plural, one {# entry} other {# entries}}.",
  "fieldError.too_many": "{field} takes at most {limit, plural, one {# entry} other {# entries}}.",
  "fieldError.too_small": "{field} must be at least {limit, number}.",
  "fieldError.too_big": "{field} must be at most {limit, number}.",
  "fieldError.invalid_date": "{field} must be a real date (year-month-day).",
  "fieldError.invalid_format": "{field} is not written in the expected format.",
  "fieldError.invalid_option": "{field}: choose one of the options offered.",
  "fieldError.unknown_field": "{field} is not expected in this form.",
  "fieldError.bad_text":
    "{field} contains characters that cannot be stored, such as invisible control characters.",
  "fieldError.invalid": "{field} is not valid.",
  "fieldError.rule": "{field}: {message}.",
  "fieldError.ruleTranslated": "{field}: {message}.",
  // ---- labels the forms do not show elsewhere, and how items are named ----
  "label.unknownField": "One of the fields",
  "label.inItem": "{item}: {field}",
  "label.translation": "{field} ({language} translation)",
  "label.subject": "Subject",
  "label.physicalDescription": "Physical description",
  "label.expiresOn": "Expiry date",
  "label.facePhotos": "Face photos",
  "label.fingerprints": "Fingerprints",
  "label.dnaProfile": "DNA profile",
  "label.photos": "Photos",
  "label.identifiers": "Identifiers",
  "label.identifierScheme": "Kind of identifier",
  "label.identifierValue": "Identifier",
  "label.objects": "Objects",
  "label.objectKind": "Kind of object",
  "label.sanctions": "Sanctions",
  "label.unReference": "UN reference number",
  "label.version": "Version read",
  "label.decision": "Decision",
  "label.discreetCheck": "Discreet check",
  "label.provenance": "Provenance",
  "label.record": "Record",
  "label.otherRecord": "Other record",
  "label.judgement": "Judgement",
  "label.firearm": "Firearm",
  "label.outcome": "Outcome",
  "label.page": "Page",
  "label.pageSize": "Results per page",
  "label.sort": "Order",
  "item.document": "Identity document {n}",
  "item.address": "Address {n}",
  "item.identifier": "Identifier {n}",
  "item.object": "Object {n}",
  "lang.en": "English",
  "lang.fr": "French",
  "lang.es": "Spanish",
  "lang.ar": "Arabic",
  // ---- the compliance panel: each missing field a link to its step ----
  "compliance.inStep": "step {n}: {step}",
  // ---- confirmations: what will happen ----
  "confirm.submitNotice.title": "Submit this request for review?",
  "confirm.submitNotice.body":
    "The notice goes to the General Secretariat for review; you can no longer edit it unless they return it to you.",
  "confirm.submitNotice.action": "Submit for review",
  "confirm.publish.title": "Publish this notice?",
  "confirm.publish.body":
    "It receives its notice number and goes at once to every country it is distributed to, which may act on it. Only a cancellation withdraws it.",
  "confirm.publish.action": "Publish the notice",
  "confirm.refuse.title": "Refuse this request?",
  "confirm.refuse.body":
    "The request is refused for good: it cannot be published, and the requesting bureau reads your reasons.",
  "confirm.refuse.action": "Refuse the request",
  "confirm.return.title": "Return this request to its owner?",
  "confirm.return.body":
    "It goes back to the requesting bureau as a draft with your reasons, and leaves the review queue until they submit it again.",
  "confirm.return.action": "Return the request",
  "confirm.cancelNotice.title": "Cancel this notice?",
  "confirm.cancelNotice.body":
    "The notice stops being valid in every member country at once; its owner reads your reasons. This cannot be undone.",
  "confirm.cancelNotice.action": "Cancel the notice",
  "confirm.withdraw.title": "Withdraw this notice?",
  "confirm.withdraw.body":
    "The notice or request is withdrawn for every member country and cannot be submitted again. This cannot be undone.",
  "confirm.withdraw.action": "Withdraw",
  "confirm.suspend.title": "Suspend this notice?",
  "confirm.suspend.body":
    "Member countries must not act on the notice while it is suspended, until the date given or until the suspension is lifted.",
  "confirm.suspend.action": "Suspend the notice",
  "confirm.resume.title": "Lift the suspension?",
  "confirm.resume.body": "Member countries may act on the notice again at once.",
  "confirm.resume.action": "Lift the suspension",
  "confirm.sendDiffusion.title": "Send this diffusion now?",
  "confirm.sendDiffusion.body":
    "It reaches {recipients} at once and cannot be recalled; the General Secretariat reviews it afterwards.",
  "confirm.sendDiffusion.action": "Send the diffusion",
  "confirm.recipientsAll": "all member countries",
  "confirm.confirmDiffusion.title": "Confirm this diffusion?",
  "confirm.confirmDiffusion.body":
    "The sender and the recipients see that the General Secretariat confirmed it, with your reasons.",
  "confirm.confirmDiffusion.action": "Confirm the diffusion",
  "confirm.cancelDiffusion.title": "Cancel this diffusion?",
  "confirm.cancelDiffusion.body":
    "Recipients are told not to act on it and to delete any data drawn from it; the sender reads your reasons. This cannot be undone.",
  "confirm.cancelDiffusion.action": "Cancel the diffusion",
  // ---- drafts kept on this computer, and leaving with unsaved work ----
  "draft.found.title": "Unsaved work was kept",
  "draft.found.body":
    "You left this form on {time} without saving it. Continue where you left off, or discard that work.",
  "draft.restore": "Continue where I left off",
  "draft.discard": "Discard it",
  "draft.kept": "Your unsaved changes are kept on this computer until you save, submit or sign out.",
  "draft.leave.title": "Leave with unsaved changes?",
  "draft.leave.body":
    "Your changes are not saved to the server. They stay on this computer as a draft and are offered back when you return to this form.",
  "draft.leave.action": "Leave the page",
  "draft.stay": "Stay on the page",
  // ---- a stale page ----
  "stale.reload": "Load the current version",
  "stale.openNotice": "Open the current notice in a new tab",
} as const;
