import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { writeFixtureFolder } from '../../fixtures/fixture-folder';
import { SeededRandom } from '../../fixtures/seeded-random';
import { query } from '../../support/index-folder';
import { tempFolder } from '../../support/temp-folder';

const child = join(__dirname, '..', '..', 'bench', 'index-child.js');

/** Every line of the plain `.jsonl` files of a folder. */
function fixtureLines(folder: string): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const abs = join(dir, entry.name);
      if (entry.isDirectory()) walk(abs);
      else if (entry.name.endsWith('.jsonl') && statSync(abs).size < 1_000_000) out.push(...readFileSync(abs, 'utf8').split('\n').filter((l) => l.length > 0));
    }
  };
  walk(folder);
  return out;
}

/** One mutation of a valid line, chosen by the seeded generator. */
function mutate(line: string, random: SeededRandom): Buffer {
  const bytes = Buffer.from(line);
  switch (random.int(0, 9)) {
    case 0: {
      const at = random.int(0, bytes.length - 1);
      bytes[at] = (bytes[at] as number) ^ (1 << random.int(0, 7));
      return bytes;
    }
    case 1:
      return bytes.subarray(0, random.int(0, bytes.length - 1));
    case 2:
      return Buffer.from(line + line);
    case 3:
      return Buffer.from(line.replace(/:(\d+)([,}])/, ':1e400$2').replace(/"step_index":\d+/, '"step_index":18446744073709551616'));
    case 4:
      return Buffer.from(line.replace(/"details":\{/, `"details":${'{"d":'.repeat(10_000)}{`).replace(/\}\}$/, `}}${'}'.repeat(10_000)}`));
    case 5:
      return Buffer.concat([bytes.subarray(0, 5), Buffer.from([0x00, 0xff, 0xfe, 0x0d]), bytes.subarray(5)]);
    case 6:
      return Buffer.from(line.replace('"', ''));
    case 7:
      return Buffer.from(`[${line}]`);
    case 8:
      return Buffer.from(line.replace(/"[^"]*"/g, (s) => (random.chance(0.2) ? '"\\ud800"' : s)));
    default:
      return bytes;
  }
}

describe('fuzzing the ingest with mutated fixture lines', () => {
  it('never crashes, keeps memory bounded, and accounts for every line as an event or a problem', { timeout: 240_000 }, () => {
    const source = tempFolder('fuzz-source');
    writeFixtureFolder(source, { seed: 13, scale: 2 });
    const valid = fixtureLines(source);
    const folder = tempFolder('fuzz');
    const random = new SeededRandom(99);
    const expected = new Map<string, number>();
    for (let f = 0; f < 8; f++) {
      const name = `mutated-${f}.jsonl`;
      const chunks: Buffer[] = [];
      let nonBlank = 0;
      for (let i = 0; i < 700; i++) {
        const mutated = mutate(valid[random.int(0, valid.length - 1)] as string, random);
        const content = Buffer.from(mutated.toString('latin1').replace(/\n/g, ' '), 'latin1');
        chunks.push(content, Buffer.from('\n'));
        if (!/^[ \t\r]*$/.test(content.toString('utf8'))) nonBlank++;
      }
      writeFileSync(join(folder, name), Buffer.concat(chunks));
      expected.set(name, nonBlank);
    }
    // One 100 MB line between two good ones, written in pieces so the test itself stays small.
    mkdirSync(join(folder, 'huge'));
    const huge = openSync(join(folder, 'huge', 'huge.jsonl'), 'w');
    writeSync(huge, `${valid[0]}\n{"blob":"`);
    const block = Buffer.alloc(1 << 20, 0x61);
    for (let i = 0; i < 100; i++) writeSync(huge, block);
    writeSync(huge, `"}\n${valid[1]}\n`);
    closeSync(huge);
    expected.set('huge/huge.jsonl', 3);

    const dbPath = join(tempFolder('fuzz-db'), 'index.sqlite');
    const run = spawnSync(process.execPath, [child, folder, dbPath], { encoding: 'utf8', timeout: 180_000 });
    assert.equal(run.status, 0, run.stderr);
    const result = JSON.parse(run.stdout) as { maxRssMb: number; ms: number };
    assert.ok(result.maxRssMb < 400, `peak RSS ${result.maxRssMb.toFixed(0)} MB with a 100 MB line in the folder`);

    for (const [name, nonBlank] of expected) {
      const accounted = query<{ n: number }>(
        dbPath,
        `SELECT count(*) AS n FROM (
           SELECT e.line FROM events e JOIN sources s ON s.id = e.source_id WHERE s.path = ?
           UNION
           SELECT p.line FROM problems p JOIN sources s ON s.id = p.source_id WHERE s.path = ? AND p.line IS NOT NULL)`,
        name,
        name,
      )[0]!.n;
      assert.equal(accounted, nonBlank, `${name}: every non-blank line is an event or a problem`);
    }
    assert.deepEqual(query(dbPath, "SELECT s.path, p.line FROM problems p JOIN sources s ON s.id = p.source_id WHERE p.code = 'line.too_long'"), [{ path: 'huge/huge.jsonl', line: 2 }]);
    assert.ok(query<{ n: number }>(dbPath, "SELECT count(*) AS n FROM problems WHERE code = 'line.too_deep'")[0]!.n > 0, 'deep nesting was exercised');
  });
});
