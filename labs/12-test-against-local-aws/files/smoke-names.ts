// The names the smoke test uses. The lab's checks look for them, so keep them as they are.
export const BUS_NAME = 'course-smoke-test';
export const LOG_GROUP_NAME = '/aws/events/course-smoke-test';
export const RULE_NAME = 'course-smoke-test-to-log';
export const TARGET_ID = 'smoke-log';
export const POLICY_NAME = 'course-smoke-test-events-to-logs';
/** The smoke test's events: this source and detail-type, any detail. */
export const SOURCE = 'course.smoke-test';
export const DETAIL_TYPE = 'SmokeTestPing';
