/**
 * mulberry32: a tiny deterministic PRNG, so a run (a bench, a fuzz case) can be reproduced exactly.
 * The one in shared, which also seeds the sample accounts.
 */
export { mulberry32 as seededRandom } from '@bullseye/shared';
