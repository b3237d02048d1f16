// PutRule checks, in the order AWS reports them.
import { checkIdentifier, constraintMessage } from './name-validation.ts';
import { invalidPattern, validationError } from './errors.ts';
import { parseScheduleExpression } from './schedule-expression.ts';
import type { Schedule } from './schedule-expression.ts';
import type { PutRuleRequest, RuleState } from './types.ts';

export interface PatternChecker {
  /** Returns [] when the pattern is valid, else problems with a path and message. */
  (pattern: string): { path: string; message: string }[];
}

const STATES: RuleState[] = ['ENABLED', 'DISABLED'];

export interface ValidRule {
  state: RuleState;
  schedule?: Schedule;
}

export function validatePutRule(i: PutRuleRequest, busName: string, checkPattern: PatternChecker): ValidRule {
  if (i === null || typeof i !== 'object') throw validationError('PutRule needs a request object with a Name.');
  checkIdentifier(i.Name, 'name');
  const state = i.State ?? 'ENABLED';
  if (!STATES.includes(state)) {
    throw validationError(
      constraintMessage(state, 'state', 'Member must satisfy enum value set: [ENABLED, DISABLED, ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS]'),
    );
  }
  if (i.Description !== undefined && (typeof i.Description !== 'string' || i.Description.length > 512)) {
    throw validationError(constraintMessage(i.Description, 'description', 'Member must have length less than or equal to 512'));
  }
  if (i.EventPattern === undefined && i.ScheduleExpression === undefined) {
    throw validationError('Parameter(s) EventPattern or ScheduleExpression must be specified.');
  }
  let schedule: Schedule | undefined;
  if (i.ScheduleExpression !== undefined) {
    if (busName !== 'default') throw validationError('ScheduleExpression is supported only on the default event bus.');
    schedule = parseScheduleExpression(i.ScheduleExpression);
  }
  if (i.EventPattern !== undefined) {
    if (typeof i.EventPattern !== 'string') throw invalidPattern([{ path: '', message: 'EventPattern must be JSON text.' }]);
    const problems = checkPattern(i.EventPattern);
    if (problems.length > 0) throw invalidPattern(problems);
  }
  return schedule ? { state, schedule } : { state };
}
