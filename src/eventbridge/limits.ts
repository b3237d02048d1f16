// AWS limits that the engine, the emulator, the labs and the lessons all quote: each defined once, here.

/**
 * The largest PutEvents request, and so the largest entry (event): 1 MB since 2026-01-29, when AWS raised
 * it from 256 KB (AWS Compute Blog, "More room to build serverless services: now supporting payloads up
 * to 1 MB"). Some API reference pages still say 256 KB.
 */
export const MAX_EVENT_BYTES = 1024 * 1024;

/** The same limit as lessons and quizzes write it. */
export const MAX_EVENT_SIZE_TEXT = '1 MB';

/** Entries in one PutEvents request. */
export const MAX_PUT_EVENTS_ENTRIES = 10;

/** Targets on one rule. */
export const MAX_TARGETS_PER_RULE = 5;
