import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { NO_TIME_ZONES, zoneForPath } from '../../../electron/index/time-zone-settings';

describe('zoneForPath', () => {
  const settings = { folderZone: 'Asia/Kolkata', files: { 'logs/app.log': 'America/New_York' } };

  it('gives a file its own zone, else the folder zone, else null (UTC)', () => {
    assert.equal(zoneForPath(settings, 'logs/app.log'), 'America/New_York');
    assert.equal(zoneForPath(settings, 'logs/other.log'), 'Asia/Kolkata');
    assert.equal(zoneForPath(NO_TIME_ZONES, 'logs/app.log'), null);
  });

  it('finds a moving or gone file by the path it had, and never an inherited property', () => {
    assert.equal(zoneForPath(settings, 'logs/app.log (gone #4)'), 'America/New_York');
    assert.equal(zoneForPath(settings, 'constructor'), 'Asia/Kolkata');
    assert.equal(zoneForPath(NO_TIME_ZONES, '__proto__'), null);
  });
});
