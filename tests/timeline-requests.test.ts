/* The timeline's legal hold band and removal request marker (lib/timeline/layout.ts), pure. */
import { describe, expect, it } from 'vitest';
import { layoutTimeline, type TimelineInput } from '@/lib/timeline/layout';

const base: TimelineInput = {
  registeredOn: '2015-01-01',
  asOf: '2026-12-01',
  active: false,
  cancellationDate: '2026-12-01',
  removal: { due: false, date: '2028-06-30', reasons: [{ code: 'LEGAL_HOLD', until: '2028-06-30' }] },
  records: [],
};

describe('layoutTimeline: legal hold and removal request', () => {
  it('draws a hold that holds from the as-of date to its end, and the request at its date', () => {
    const layout = layoutTimeline({ ...base, legalHold: { until: '2028-06-30' }, removalRequestedOn: '2026-12-01' });
    expect(layout.hold).toEqual({ until: '2028-06-30', x0: layout.asOf.x, x1: layout.removal!.x, open: false });
    expect(layout.request).toEqual({ date: '2026-12-01', x: layout.asOf.x });
    expect(layout.axis.end).toBe('2029-01-01');
  });

  it('a hold without end runs to the axis end; an ended hold and no request draw nothing', () => {
    const open = layoutTimeline({ ...base, removal: { due: false, date: null, reasons: [{ code: 'LEGAL_HOLD', until: null }] }, legalHold: { until: null } });
    expect(open.hold).toMatchObject({ until: null, x1: 1, open: true });
    const ended = layoutTimeline({ ...base, legalHold: { until: '2026-12-01' } });
    expect(ended.hold).toBeNull();
    expect(ended.request).toBeNull();
    expect(layoutTimeline(base).hold).toBeNull();
  });
});
