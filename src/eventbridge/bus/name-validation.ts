// Name and Id rules shared by buses, rules and targets, with AWS's "1 validation error detected" messages.
import { validationError } from './errors.ts';

const NAME_CHARS = /^[.\-_A-Za-z0-9]+$/;
const BUS_NAME_CHARS = /^[/.\-_A-Za-z0-9]+$/;

function constraintMessage(value: unknown, field: string, constraint: string): string {
  return `1 validation error detected: Value '${String(value)}' at '${field}' failed to satisfy constraint: ${constraint}`;
}

/** Rule names and target Ids: [.\-_A-Za-z0-9]+, 1..64 characters. */
export function checkIdentifier(value: unknown, field: string): string {
  if (typeof value !== 'string' || value === '') {
    throw validationError(constraintMessage(value, field, 'Member must have length greater than or equal to 1'));
  }
  if (value.length > 64) {
    throw validationError(constraintMessage(value, field, 'Member must have length less than or equal to 64'));
  }
  if (!NAME_CHARS.test(value)) {
    throw validationError(
      constraintMessage(value, field, 'Member must satisfy regular expression pattern: [\\.\\-_A-Za-z0-9]+'),
    );
  }
  return value;
}

/** Custom bus names: [/\.\-_A-Za-z0-9]+, at most 256 characters, no "/" (reserved for partner buses). */
export function checkBusName(value: unknown): string {
  if (typeof value !== 'string' || value === '') {
    throw validationError(constraintMessage(value, 'name', 'Member must have length greater than or equal to 1'));
  }
  if (value.length > 256) {
    throw validationError(constraintMessage(value, 'name', 'Member must have length less than or equal to 256'));
  }
  if (!BUS_NAME_CHARS.test(value)) {
    throw validationError(
      constraintMessage(value, 'name', 'Member must satisfy regular expression pattern: [/\\.\\-_A-Za-z0-9]+'),
    );
  }
  if (value.includes('/')) {
    throw validationError(`Event bus name must not contain '/'.`);
  }
  return value;
}

export { constraintMessage };
