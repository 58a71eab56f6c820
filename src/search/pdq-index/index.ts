export { bruteForce, DEFAULT_MAX_DISTANCE, type PdqMatch, sortMatches } from "./matches.ts";
export { PdqIndex, type PdqIndexOptions, type PdqIndexStats } from "./mih.ts";
