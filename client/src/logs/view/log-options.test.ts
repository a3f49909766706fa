// What a logs view reads: "since" typed as a duration or a time, and the toolbar's words for it.
import * as assert from 'node:assert/strict';
import { defaultOptions, describeOptions, formatDuration, parseSince } from './log-options';

describe('log options', () => {
  it('read "since" as a duration back from now or as an RFC 3339 time', () => {
    assert.deepEqual(parseSince('10m'), { sinceSeconds: 600 });
    assert.deepEqual(parseSince(' 1h30m '), { sinceSeconds: 5400 });
    assert.deepEqual(parseSince('1d'), { sinceSeconds: 86400 });
    assert.deepEqual(parseSince('90s'), { sinceSeconds: 90 });
    assert.deepEqual(parseSince('2025-01-06T10:00:00Z'), { sinceTime: '2025-01-06T10:00:00Z' });
    assert.deepEqual(parseSince('2025-01-06T12:00:00.5+02:00'), { sinceTime: '2025-01-06T10:00:00Z' });
    for (const wrong of ['', 'yesterday', '0m', '2025-01-06', '2025-13-06T10:00:00Z', '10 minutes'])
      assert.ok('error' in parseSince(wrong), wrong);
  });

  it('start with the setting’s lines of each container, 0 meaning all', () => {
    assert.deepEqual(defaultOptions(true, 500), { follow: true, previous: false, tailLines: 500 });
    assert.deepEqual(defaultOptions(false, 0), { follow: false, previous: false, tailLines: undefined });
  });

  it('describe what the view reads', () => {
    assert.equal(describeOptions(defaultOptions(true, 500)), 'following · last 500 lines of each container');
    assert.equal(describeOptions(defaultOptions(false, 0)), 'read once · all lines');
    assert.equal(describeOptions({ follow: true, previous: false, sinceSeconds: 5400 }), 'following · since 1h30m ago · all lines');
    assert.equal(
      describeOptions({ follow: true, previous: true, tailLines: 100 }),
      'previous instances · last 100 lines of each container',
    );
    assert.equal(formatDuration(86400 + 60), '1d1m');
  });
});
