// The JSON Schema in the repository (`submission.schema.json`) is generated from the zod schema, so the
// documented format and the validated one cannot drift (a test compares them).
// Regenerate: node src/submissions/submission-json-schema.ts
import { z } from 'astro/zod';
import { submissionSchema } from './submission-format.ts';

export const SUBMISSION_SCHEMA_FILE = new URL('./submission.schema.json', import.meta.url);

export function submissionJsonSchema(): Record<string, unknown> {
  return {
    $id: 'https://eventbridge-course.example/submission.schema.json',
    title: 'Event-Driven Serverless course: submission file, version 1',
    description: 'One learner\'s lab files and seen results. hash.value = SHA-256 hex of the canonical JSON (sorted keys, no whitespace) of the file without "hash". See src/submissions/submission-format.ts.',
    ...z.toJSONSchema(submissionSchema, { target: 'draft-2020-12', unrepresentable: 'any' }),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { writeFileSync } = await import('node:fs');
  writeFileSync(SUBMISSION_SCHEMA_FILE, `${JSON.stringify(submissionJsonSchema(), null, 2)}\n`);
}
