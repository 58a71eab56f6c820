/** Test data's seeded generator: the one in src/shared, so tests, benchmarks and synthetic data agree. */
export { seededRandom } from "../src/shared/seeded-random.ts";
