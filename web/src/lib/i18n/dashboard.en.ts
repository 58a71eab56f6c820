/** The dashboard on the home page: what needs each role now. English. */
export const dashboardEn = {
  "dash.title": "What needs you now",
  "dash.intro": "Counts, and the items that have waited longest or fall due first. Each opens its record.",
  "dash.allClear": "Nothing needs you right now.",
  "dash.noCards": "Your role has no queue to watch here; your sections are listed below.",
  "dash.updated": "Updated {time}",
  "dash.refresh": "Refresh the dashboard",
  "dash.seeAll": "See all: {card}",
  "dash.more": "{count, plural, one {and # more} other {and # more}}",
  "dash.oldest": "Longest waiting",
  "dash.card.noticesReturned": "Notices returned to you",
  "dash.count.noticesReturned":
    "{count, plural, =0 {None to complete} one {# request to complete and resubmit} other {# requests to complete and resubmit}}",
  "dash.card.noticesRefused": "Notice requests refused (last 30 days)",
  "dash.count.noticesRefused": "{count, plural, =0 {No refusal} one {# refusal} other {# refusals}}",
  "dash.card.diffusionsUnread": "Received diffusions not yet read",
  "dash.count.diffusionsUnread":
    "{count, plural, =0 {All read} one {# diffusion nobody in your bureau has opened} other {# diffusions nobody in your bureau has opened}}",
  "dash.card.noticesRenewal": "Notices due for renewal",
  "dash.count.noticesRenewal":
    "{count, plural, =0 {None due} one {# notice expires within six months} other {# notices expire within six months}}",
  "dash.card.tracesOpen": "Trace requests to answer",
  "dash.count.tracesOpen": "{count, plural, =0 {None open} one {# open request} other {# open requests}}",
  "dash.card.hitsPending": "Hits on your records to decide",
  "dash.count.hitsPending":
    "{count, plural, =0 {None pending} one {# hit awaits your decision} other {# hits await your decision}}",
  "dash.card.reviewQueue": "Review queue",
  "dash.count.reviewQueue":
    "{count, plural, =0 {Queue empty} one {# request awaits review} other {# requests await review}}",
  "dash.card.diffusionsUnreviewed": "Diffusions awaiting review",
  "dash.count.diffusionsUnreviewed":
    "{count, plural, =0 {None waiting} one {# diffusion not yet reviewed} other {# diffusions not yet reviewed}}",
  "dash.card.referralsOverdue": "Referrals past their deadline",
  "dash.count.referralsOverdue":
    "{count, plural, =0 {None overdue} one {# referral overdue} other {# referrals overdue}}",
  "dash.card.referralsAwaiting": "Referrals awaiting the platform's answer",
  "dash.count.referralsAwaiting":
    "{count, plural, =0 {None waiting} one {# referral awaits an answer} other {# referrals await an answer}}",
  "dash.waiting": "waiting for {duration}",
  "dash.ago": "{duration} ago",
  "dash.dueIn": "due in {duration}",
  "dash.overdueBy": "overdue by {duration}",
  "dash.expiresIn": "expires in {duration} ({date})",
  "dash.lessThanMinute": "less than a minute",
  "dash.from": "from {country}",
  "dash.by": "checked by {country}",
  "dash.untitled": "(untitled)",
} as const;
