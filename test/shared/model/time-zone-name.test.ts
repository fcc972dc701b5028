import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { isTimeZoneName, naiveReadingNote } from '../../../shared/model/time-zone-name';

describe('isTimeZoneName', () => {
  it('accepts IANA names the runtime knows', () => {
    for (const name of ['Asia/Kolkata', 'America/New_York', 'UTC', 'Etc/GMT+5', 'America/Argentina/Buenos_Aires']) assert.equal(isTimeZoneName(name), true, name);
  });

  it('refuses unknown names, offsets, empty and overlong text', () => {
    for (const name of ['Mars/Olympus', '+05:30', '', 'Asia/Kolkata ', '../etc/passwd', 'A'.repeat(65), 'Asia/Kolkata\n']) assert.equal(isTimeZoneName(name), false, JSON.stringify(name));
  });
});

describe('naiveReadingNote', () => {
  it('says UTC by default and names the reviewer’s zone', () => {
    assert.equal(naiveReadingNote(null), 'read as UTC');
    assert.equal(naiveReadingNote('Asia/Kolkata'), 'read as Asia/Kolkata (set by the reviewer)');
  });
});
