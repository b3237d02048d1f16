import { describe, expect, it } from 'vitest';
import { formatCheckResult, formatTraceLine, traceLabel } from './format-trace.ts';

describe('trace lines', () => {
  it('name each step in words, indented under its event', () => {
    expect(formatTraceLine({ id: 1, time: '', kind: 'rules.matched', eventId: 'e', message: '1 rule matched: big-orders' })).toBe('  Rules matched: 1 rule matched: big-orders');
    expect(formatTraceLine({ id: 2, time: '', kind: 'target.input', rule: 'r', targetId: 't', message: '{}' })).toBe('    Target receives [rule r, target t]: {}');
    expect(formatTraceLine({ id: 3, time: '', kind: 'loop.warning', message: 'stopped after 10 hops' })).toBe('  Loop stopped: stopped after 10 hops');
    expect(formatTraceLine({ id: 4, time: '', kind: 'event.put', eventId: 'e2', causedBy: '0123456789', message: 'put' })).toBe('Event put: put (caused by 01234567)');
  });

  it('keeps a kind it does not know as it is', () => {
    expect(traceLabel('something.new')).toBe('something.new');
  });
});

describe('check results', () => {
  it('show the message and explanations of a failed check only', () => {
    const failed = formatCheckResult({ id: 'a', title: 'T', status: 'failed', message: 'line 1\nline 2', explanations: ['x'] });
    expect(failed.split('\n')).toEqual(['FAIL  T', '      line 1', '      line 2', '      why: x']);
    expect(formatCheckResult({ id: 'a', title: 'T', status: 'passed', message: 'hidden' })).toBe('PASS  T');
  });
});
