/** Entity resolution: blocking and scoring of persons and organisations, in memory. */
export { nameForm, nameSimilarity } from "./names.ts";
export { type Explanation, SUGGEST_THRESHOLD, scorePair } from "./score.ts";
export { type Prepared, prepare, type Subject } from "./subject.ts";
export {
  prepareAll,
  type Suggestion,
  type SuggestOptions,
  type SuggestProgress,
  suggest,
  suggestAsync,
} from "./suggest.ts";
