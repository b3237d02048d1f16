// Whether an event bus's resource-based policy lets a principal of another account call an action on it,
// evaluated as IAM evaluates a resource policy: an explicit Deny wins, then any Allow, otherwise the call
// is denied. Covers what EventBridge bus policies use (AWS's examples): Principal "*" or AWS account ids and
// root ARNs; Action and Resource with wildcards; String* condition operators (with ForAllValues:/ForAnyValue:
// and IfExists) on aws:PrincipalAccount, aws:PrincipalOrgID, events:source and events:detail-type. Anything
// else is refused with a message that names it, never silently read as "no match". Pure.

export interface PolicyRequest {
  /** The calling principal's account id (12 digits). */
  account: string;
  /** The principal's organization id, when it belongs to one. */
  orgId?: string;
  /** e.g. "events:PutEvents". */
  action: string;
  /** The bus ARN. */
  resource: string;
  source?: string;
  detailType?: string;
}

export interface PolicyDecision {
  allowed: boolean;
  /** Which statement decided (Sid, or its position), and how, in words. */
  reason: string;
}

export class PolicyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PolicyError';
  }
}

type Statement = Record<string, unknown>;

const OPERATORS = ['StringEquals', 'StringNotEquals', 'StringEqualsIgnoreCase', 'StringNotEqualsIgnoreCase', 'StringLike', 'StringNotLike'] as const;
type Operator = (typeof OPERATORS)[number];
const KEYS = ['aws:principalaccount', 'aws:principalorgid', 'events:source', 'events:detail-type'] as const;

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : [v]);

/** IAM wildcards: `*` any run of characters, `?` one character; case-insensitive where IAM compares so. */
function wildcard(pattern: string, value: string, ignoreCase: boolean): boolean {
  const body = pattern.split(/([*?])/).map((p) => (p === '*' ? '.*' : p === '?' ? '.' : p.replace(/[.+^${}()|[\]\\]/g, '\\$&'))).join('');
  return new RegExp(`^${body}$`, ignoreCase ? 'i' : '').test(value);
}

function strings(v: unknown, where: string): string[] {
  const xs = list(v);
  for (const x of xs) if (typeof x !== 'string') throw new PolicyError(`${where} must be a string or a list of strings.`);
  return xs as string[];
}

/** The statements of a policy document, checked for the fields evaluation needs. */
export function policyStatements(policy: unknown): Statement[] {
  if (typeof policy !== 'object' || policy === null || Array.isArray(policy)) throw new PolicyError('The policy must be a JSON object with "Version" and "Statement".');
  const doc = policy as Record<string, unknown>;
  if (doc['Version'] !== '2012-10-17') throw new PolicyError('"Version" must be "2012-10-17", the current IAM policy language version.');
  if (doc['Statement'] === undefined) throw new PolicyError('The policy has no "Statement".');
  const statements = list(doc['Statement']);
  statements.forEach((s, i) => {
    const at = `Statement[${i}]`;
    if (typeof s !== 'object' || s === null || Array.isArray(s)) throw new PolicyError(`${at} must be an object.`);
    const st = s as Statement;
    if (st['Effect'] !== 'Allow' && st['Effect'] !== 'Deny') throw new PolicyError(`${at}.Effect must be "Allow" or "Deny".`);
    if ('NotPrincipal' in st || 'NotAction' in st || 'NotResource' in st) throw new PolicyError(`${at}: NotPrincipal, NotAction and NotResource are not supported here; name what the statement covers.`);
    if (st['Principal'] === undefined) throw new PolicyError(`${at} has no "Principal": a resource policy says whom it applies to.`);
    if (st['Action'] === undefined) throw new PolicyError(`${at} has no "Action".`);
    if (st['Resource'] === undefined) throw new PolicyError(`${at} has no "Resource".`);
    strings(st['Action'], `${at}.Action`);
    strings(st['Resource'], `${at}.Resource`);
  });
  return statements as Statement[];
}

function principalMatches(p: unknown, account: string, at: string): boolean {
  if (p === '*') return true;
  if (typeof p !== 'object' || p === null || Array.isArray(p)) throw new PolicyError(`${at}.Principal must be "*" or an object such as {"AWS": "111122223333"}.`);
  const aws = (p as Record<string, unknown>)['AWS'];
  if (aws === undefined) return false; // Service or Federated principals: not an account
  return strings(aws, `${at}.Principal.AWS`).some((id) => {
    if (id === '*') return true;
    const m = /^(?:arn:aws[\w-]*:iam::(\d{12}):root|(\d{12}))$/.exec(id);
    if (!m) throw new PolicyError(`${at}.Principal.AWS "${id}" is not an account id or an account's root ARN (arn:aws:iam::111122223333:root).`);
    return (m[1] ?? m[2]) === account;
  });
}

function contextValue(key: string, req: PolicyRequest): string | undefined {
  switch (key) {
    case 'aws:principalaccount':
      return req.account;
    case 'aws:principalorgid':
      return req.orgId;
    case 'events:source':
      return req.source;
    case 'events:detail-type':
      return req.detailType;
    default:
      return undefined;
  }
}

function compare(op: Operator, expected: string, value: string): boolean {
  switch (op) {
    case 'StringEquals':
      return value === expected;
    case 'StringNotEquals':
      return value !== expected;
    case 'StringEqualsIgnoreCase':
      return value.toLowerCase() === expected.toLowerCase();
    case 'StringNotEqualsIgnoreCase':
      return value.toLowerCase() !== expected.toLowerCase();
    case 'StringLike':
      return wildcard(expected, value, false);
    case 'StringNotLike':
      return !wildcard(expected, value, false);
  }
}

const NEGATED: readonly Operator[] = ['StringNotEquals', 'StringNotEqualsIgnoreCase', 'StringNotLike'];

function conditionHolds(condition: unknown, req: PolicyRequest, at: string): boolean {
  if (condition === undefined) return true;
  if (typeof condition !== 'object' || condition === null || Array.isArray(condition)) throw new PolicyError(`${at}.Condition must be an object of operators.`);
  for (const [rawOp, block] of Object.entries(condition as Record<string, unknown>)) {
    const m = /^(?:(ForAllValues|ForAnyValue):)?(\w+?)(IfExists)?$/.exec(rawOp);
    const op = m?.[2] as Operator | undefined;
    if (!m || !op || !OPERATORS.includes(op)) throw new PolicyError(`${at}.Condition: the operator "${rawOp}" is not supported here (use ${OPERATORS.join(', ')}).`);
    if (typeof block !== 'object' || block === null || Array.isArray(block)) throw new PolicyError(`${at}.Condition.${rawOp} must be an object of condition keys.`);
    for (const [rawKey, expectedRaw] of Object.entries(block as Record<string, unknown>)) {
      const key = rawKey.toLowerCase();
      if (!(KEYS as readonly string[]).includes(key)) throw new PolicyError(`${at}.Condition.${rawOp}: the key "${rawKey}" is not supported here (use aws:PrincipalAccount, aws:PrincipalOrgID, events:source or events:detail-type).`);
      const expected = strings(expectedRaw, `${at}.Condition.${rawOp}.${rawKey}`);
      const value = contextValue(key, req);
      let holds: boolean;
      if (value === undefined) {
        // IAM: a key that is absent satisfies ForAllValues and IfExists, and nothing else.
        holds = m[1] === 'ForAllValues' || m[3] === 'IfExists';
      } else if (NEGATED.includes(op)) {
        // A negated operator with several values: the value must differ from all of them.
        holds = expected.every((e) => compare(op, e, value));
      } else {
        holds = expected.some((e) => compare(op, e, value));
      }
      if (!holds) return false;
    }
  }
  return true;
}

export function evaluateBusPolicy(policy: unknown, req: PolicyRequest): PolicyDecision {
  const statements = policyStatements(policy);
  let allowedBy: string | undefined;
  for (const [i, st] of statements.entries()) {
    const at = `Statement[${i}]`;
    const name = typeof st['Sid'] === 'string' ? `statement "${st['Sid']}"` : `statement ${i + 1}`;
    if (!principalMatches(st['Principal'], req.account, at)) continue;
    if (!strings(st['Action'], `${at}.Action`).some((a) => wildcard(a, req.action, true))) continue;
    if (!strings(st['Resource'], `${at}.Resource`).some((r) => wildcard(r, req.resource, false))) continue;
    if (!conditionHolds(st['Condition'], req, at)) continue;
    if (st['Effect'] === 'Deny') return { allowed: false, reason: `denied by ${name}` };
    allowedBy ??= name;
  }
  return allowedBy ? { allowed: true, reason: `allowed by ${allowedBy}` } : { allowed: false, reason: 'no statement allows it (denied by default)' };
}
