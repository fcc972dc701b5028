import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { readEnum, readId, readUnixNano } from '../../../../electron/families/otlp/otlp-scalars';

describe('readId', () => {
  it('lower-cases hex ids of the right length and refuses the rest with a reason', () => {
    assert.deepEqual(readId('5B8EFFF798038103D269B633813FC60C', 16, 't'), { id: '5b8efff798038103d269b633813fc60c' });
    assert.deepEqual(readId('eee19b7ec3c1b174', 8, 's'), { id: 'eee19b7ec3c1b174' });
    assert.match((readId('eee19b7ec3c1b17', 8, 's') as { fault: string }).fault, /not 16 hex digits/);
    assert.match((readId('gee19b7ec3c1b174', 8, 's') as { fault: string }).fault, /not 16 hex digits/);
    assert.match((readId('0000000000000000', 8, 's') as { fault: string }).fault, /all zeros/);
    // Base64 (protobuf's default JSON mapping of bytes) is not what OTLP/JSON writes.
    assert.match((readId('W47/95gDgQPSabYzgT/GDA==', 16, 't') as { fault: string }).fault, /not 32 hex digits/);
    assert.match((readId(12, 8, 's') as { fault: string }).fault, /is a number, not a hex string/);
  });
});

describe('readUnixNano', () => {
  it('reads decimal strings exactly and JSON numbers as parsed; zero and absent are unset', () => {
    assert.deepEqual(readUnixNano('1767225600123456789', 't'), { time: { ns: '1767225600123456789', ms: 1767225600123.456 } });
    assert.deepEqual(readUnixNano(1544712660000000000, 't'), { time: { ns: '1544712660000000000', ms: 1544712660000 } });
    assert.equal(readUnixNano('0', 't'), null);
    assert.equal(readUnixNano(undefined, 't'), null);
    for (const bad of ['-1', '1e9', '', 'soon', 1.5, -3, true, {}]) assert.ok('fault' in (readUnixNano(bad, 't') ?? { time: 0 }), String(bad));
    assert.match((readUnixNano('18446744073709551616', 't') as { fault: string }).fault, /larger than a fixed64/);
  });
});

describe('readEnum', () => {
  it('reads numbers, defaults an absent enum to 0, reads names with a fault and refuses unknown numbers', () => {
    const names = ['UNSET', 'OK', 'ERROR'];
    assert.deepEqual(readEnum(2, names, 'STATUS_CODE_', 'c'), { value: 2, fault: null });
    assert.deepEqual(readEnum(undefined, names, 'STATUS_CODE_', 'c'), { value: 0, fault: null });
    const named = readEnum('STATUS_CODE_ERROR', names, 'STATUS_CODE_', 'c');
    assert.equal(named.value, 2);
    assert.match(named.fault ?? '', /writes enums as integers/);
    assert.deepEqual(readEnum(3, names, 'STATUS_CODE_', 'c'), { value: null, fault: 'c is 3, not one of its enum numbers 0..2' });
  });
});
