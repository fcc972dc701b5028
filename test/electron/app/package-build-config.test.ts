// The electron-builder configuration in package.json: valid by electron-builder's
// own validation, and packaging everything the app loads at run time.
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync, statSync, type Stats } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { bundledDemoFolder } from '../../../electron/app/app-location';
import { builderOsKey, electronSqliteBindingPath } from '../../../electron/app/native-binding';

const repoRoot = join(__dirname, '..', '..', '..', '..');
const packageJson = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
  name: string;
  homepage: string;
  author: { name: string; email: string };
  main: string;
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  build: {
    appId: string;
    productName: string;
    files: string[];
    asar: boolean;
    asarUnpack: string[];
    extraResources: { from: string; to: string }[];
    npmRebuild: boolean;
    beforePack: string;
    directories: { buildResources: string; output: string };
    fileAssociations?: unknown;
    electronFuses: Record<string, boolean>;
    linux: { target: string[]; icon: string; maintainer: string };
    deb?: Record<string, unknown>;
    mac: { target: string[]; icon: string; hardenedRuntime: boolean; entitlements: string; entitlementsInherit: string; notarize: boolean; identity?: unknown };
    publish: null;
    forceCodeSigning: boolean;
    win: { target: string[]; icon: string; signtoolOptions: { signingHashAlgorithms: string[] } };
  };
};
const config = packageJson.build;
/** A module of electron-builder's app-builder-lib, loaded after its index (its modules require each other in that order). */
function builderLib(path: string): unknown {
  const load = createRequire(join(repoRoot, 'node_modules', 'app-builder-lib', 'package.json'));
  load('app-builder-lib');
  return load(join(repoRoot, 'node_modules', 'app-builder-lib', 'out', ...path.split('/')));
}

/** electron-builder's glob subset used in `files`: `**`, `*`, `?`, `{a,b}`; matched against repo-relative POSIX paths. */
function globToRegExp(glob: string): RegExp {
  let source = '';
  let braces = 0;
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i] as string;
    if (glob.startsWith('**/', i)) {
      source += '(?:.*/)?';
      i += 2;
    } else if (glob.startsWith('**', i)) {
      source += '.*';
      i += 1;
    } else if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else if (char === '{') {
      source += '(?:';
      braces++;
    } else if (char === '}' && braces > 0) {
      source += ')';
      braces--;
    } else if (char === ',' && braces > 0) source += '|';
    else source += char.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

/** Whether electron-builder's `files` keeps a path: the last pattern that matches decides. */
function packaged(path: string): boolean {
  let included = false;
  for (const pattern of config.files) {
    const negated = pattern.startsWith('!');
    if (globToRegExp(negated ? pattern.slice(1) : pattern).test(path)) included = !negated;
  }
  return included;
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)]));
}

const toRepoPath = (absolute: string): string => relative(repoRoot, absolute).split(sep).join('/');

/** Every compiled module reachable from `entry` through relative requires, and the packages it requires. */
function requireGraph(entries: readonly string[]): { modules: Set<string>; packages: Set<string> } {
  const modules = new Set<string>();
  const packages = new Set<string>();
  const pending = [...entries];
  while (pending.length > 0) {
    const file = pending.pop() as string;
    if (modules.has(file)) continue;
    modules.add(file);
    for (const [, specifier] of readFileSync(file, 'utf8').matchAll(/\brequire\("([^"]+)"\)/g)) {
      if (specifier === undefined) continue;
      if (specifier.startsWith('.')) {
        const target = resolve(dirname(file), specifier);
        pending.push(existsSync(`${target}.js`) ? `${target}.js` : join(target, 'index.js'));
      } else {
        packages.add(specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : (specifier.split('/')[0] as string));
      }
    }
  }
  return { modules, packages };
}

describe('electron-builder configuration (package.json "build")', () => {
  it("passes electron-builder's own configuration validation (its JSON schema, scheme.json, through its ajv)", async () => {
    const configModule = join(repoRoot, 'node_modules', 'app-builder-lib', 'out', 'util', 'config', 'config.js');
    assert.ok(existsSync(configModule), 'electron-builder is a devDependency');
    const { validateConfiguration } = createRequire(__filename)(configModule) as { validateConfiguration: (config: unknown, logger: unknown) => Promise<void> };
    const logger = { isEnabled: false, add: () => undefined };
    await validateConfiguration(config, logger);
    await assert.rejects(validateConfiguration({ ...config, asar: 'yes', bogusOption: 1 }, logger), /configuration object that does not match the API schema/);
  });

  it('names the app, targets AppImage + deb, dmg and nsis with our icons, packs into app.asar and associates no file types', () => {
    assert.equal(config.appId, 'dev.execution-inspector.app');
    assert.equal(config.productName, 'Execution Inspector');
    assert.deepEqual([config.linux.target, config.mac.target, config.win.target], [['AppImage', 'deb'], ['dmg'], ['nsis']]);
    assert.equal(config.asar, true);
    assert.equal(config.fileAssociations, undefined);
    assert.equal(config.directories.buildResources, 'build');
    assert.notEqual(config.directories.output, 'dist', 'dist/ holds the compiled code');
    for (const [file, size] of [[config.mac.icon, 512], [config.win.icon, 512], [join(config.linux.icon, '512x512.png'), 512], [join(config.linux.icon, '256x256.png'), 256]] as const) {
      const png = readFileSync(join(repoRoot, file));
      assert.equal(png.subarray(1, 4).toString('ascii'), 'PNG', file);
      assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [size, size], file);
    }
  });

  it('scripts: start builds, builds the Electron binding and starts; dist builds and packages; main is the compiled composition root', () => {
    assert.equal(packageJson.main, 'dist/electron/app/main.js');
    assert.equal(packageJson.scripts.start, 'npm run build && npm run rebuild:electron && electron .');
    assert.equal(packageJson.scripts.dist, 'npm run build && electron-builder', 'the beforePack hook builds the native module for each packed arch');
    assert.equal(packageJson.scripts['rebuild:electron'], 'node build/scripts/rebuild-native-for-electron.mjs');
    assert.ok(existsSync(join(repoRoot, 'build', 'scripts', 'rebuild-native-for-electron.mjs')));
  });

  it('packages every compiled module the main process, the ingest worker, the parse worker and the full-text worker load, the migrations and package.json; nothing they require is a devDependency', () => {
    const appDir = join(repoRoot, 'dist', 'electron', 'app');
    const roots = [
      join(repoRoot, packageJson.main), join(appDir, 'preload.js'), join(repoRoot, 'dist', 'electron', 'ingest', 'ingest-worker.js'), join(repoRoot, 'dist', 'electron', 'ingest', 'parse-worker.js'), join(repoRoot, 'dist', 'electron', 'ingest', 'full-text-thread.js'),
    ];
    for (const root of roots) assert.ok(existsSync(root), `${toRepoPath(root)} is built`);
    const { modules, packages } = requireGraph(roots);
    for (const module of modules) assert.ok(packaged(toRepoPath(module)), `${toRepoPath(module)} is packaged`);
    const migrations = readdirSync(join(repoRoot, 'electron', 'index', 'migrations')).filter((name) => name.endsWith('.sql'));
    assert.ok(migrations.length > 0);
    for (const name of migrations) {
      assert.ok(existsSync(join(repoRoot, 'dist', 'electron', 'index', 'migrations', name)), `${name} is copied to dist`);
      assert.ok(packaged(`dist/electron/index/migrations/${name}`), `${name} is packaged`);
    }
    assert.ok(packaged('package.json'));
    const runtime = new Set([...builtinModules, 'electron', ...Object.keys(packageJson.dependencies)]);
    for (const name of packages) assert.ok(runtime.has(name.replace(/^node:/, '')), `${name} is a built-in, electron or a production dependency`);
  });

  it('packages the built renderer when it exists (it is built by its own step), and never tests, build info, maps or declarations', () => {
    const renderer = join(repoRoot, 'dist', 'renderer', 'index.html');
    if (existsSync(renderer)) {
      for (const file of filesUnder(join(repoRoot, 'dist', 'renderer')).filter((path) => !path.endsWith('.map'))) assert.ok(packaged(toRepoPath(file)), toRepoPath(file));
    }
    assert.ok(packaged('dist/renderer/index.html'), 'the pattern covers dist/renderer/index.html');
    for (const path of ['dist/test/electron/app/main.test.js', 'dist/tsbuildinfo/electron.tsbuildinfo', 'dist/electron/app/main.js.map', 'dist/electron/app/main.d.ts', 'electron/app/main.ts', 'build/demo/logs/app/agent-runner.log', 'test/run-tests.mjs']) {
      assert.equal(packaged(path), false, path);
    }
  });

  it("ships, for each packed platform and arch, the Electron build of better-sqlite3 made for it, where the app loads it; the demo folder too", () => {
    assert.deepEqual(config.asarUnpack, ['**/*.node']);
    assert.equal(config.npmRebuild, false, "electron-builder's rebuild would compile node_modules/better-sqlite3 in place, over the Node build the tests and the CLI use");
    const native = config.extraResources.find((resource) => resource.to === 'native/better_sqlite3.node');
    assert.ok(native);
    assert.equal(electronSqliteBindingPath({ isPackaged: true, appPath: '', resourcesPath: '/resources' }), join('/resources', native.to));
    // electron-builder expands ${os} and ${arch} per pack (util/macroExpander.js, platformPackager.expandMacro);
    // the source must be the file the hook builds for that target, and the one `npm start` loads on such a machine.
    const { expandMacro } = builderLib('util/macroExpander.js') as { expandMacro(pattern: string, arch: string | null, appInfo: unknown, extra: Record<string, string>): string };
    for (const [platform, os, arch] of [['darwin', 'mac', 'arm64'], ['darwin', 'mac', 'x64'], ['linux', 'linux', 'x64'], ['linux', 'linux', 'arm64'], ['win32', 'win', 'x64'], ['win32', 'win', 'arm64']] as const) {
      const from = expandMacro(native.from, arch, {}, { os });
      assert.equal(from, `build/native/electron/${os}-${arch}/better_sqlite3.node`);
      assert.equal(electronSqliteBindingPath({ isPackaged: false, appPath: repoRoot, resourcesPath: '' }, platform, arch), join(repoRoot, from));
    }
    assert.deepEqual(
      config.extraResources.find((resource) => resource.from === 'build/demo'),
      { from: 'build/demo', to: 'demo' },
    );
    assert.equal(bundledDemoFolder({ isPackaged: true, appPath: '', resourcesPath: '/resources' }), join('/resources', 'demo'));
    assert.ok(statSync(join(repoRoot, 'build', 'demo')).isDirectory());
    assert.equal(bundledDemoFolder({ isPackaged: false, appPath: repoRoot, resourcesPath: '' }), resolve(repoRoot, 'build', 'demo'));
  });

  it("builds the binding per packed arch in electron-builder's beforePack hook, with paths the app agrees on", async () => {
    assert.equal(config.beforePack, './build/scripts/before-pack.mjs');
    const hook = (await import(pathToFileURL(join(repoRoot, config.beforePack)).href)) as { default: unknown };
    assert.equal(typeof hook.default, 'function');
    // The universal pass has nothing to build (its x64 and arm64 packs went through the hook): it returns at once.
    assert.equal(await (hook.default as (context: unknown) => Promise<unknown>)({ arch: 4, electronPlatformName: 'darwin' }), undefined);
    const targets = (await import(pathToFileURL(join(repoRoot, 'build', 'scripts', 'native-targets.mjs')).href)) as {
      BUILDER_ARCHES: string[];
      packTarget(context: { arch: number; electronPlatformName: string }): { platform: string; arch: string } | null;
      electronBindingFile(root: string, platform: string, arch: string): string;
      builderOsKey(platform: string): string;
    };
    // The hook's context.arch is a value of builder-util's Arch enum.
    const { Arch } = createRequire(join(repoRoot, 'node_modules', 'app-builder-lib', 'package.json'))('builder-util') as { Arch: Record<string, number | string> };
    const archNames = Object.entries(Arch).filter(([, value]) => typeof value === 'number') as [string, number][];
    assert.deepEqual(Object.fromEntries(archNames), Object.fromEntries(targets.BUILDER_ARCHES.map((name, value) => [name, value])));
    for (const [name, value] of archNames) {
      for (const platform of ['darwin', 'linux', 'win32']) {
        assert.deepEqual(targets.packTarget({ arch: value, electronPlatformName: platform }), name === 'universal' ? null : { platform, arch: name });
      }
    }
    assert.deepEqual(targets.packTarget({ arch: Arch.arm64 as number, electronPlatformName: 'mas' }), { platform: 'darwin', arch: 'arm64' });
    assert.throws(() => targets.packTarget({ arch: 99, electronPlatformName: 'linux' }), /unknown electron-builder arch/);
    assert.throws(() => targets.packTarget({ arch: Arch.x64 as number, electronPlatformName: 'freebsd' }), /no Electron build/);
    for (const platform of ['darwin', 'linux', 'win32'] as const) {
      assert.equal(targets.builderOsKey(platform), builderOsKey(platform));
      for (const arch of ['x64', 'arm64', 'ia32']) {
        assert.equal(targets.electronBindingFile(repoRoot, platform, arch), electronSqliteBindingPath({ isPackaged: false, appPath: repoRoot, resourcesPath: '' }, platform, arch));
      }
    }
  });

  it("packs no copy of better-sqlite3's Node build (node_modules/better-sqlite3/build), which the app never loads, through electron-builder's own node_modules filter", () => {
    const { getNodeModuleFileMatcher } = builderLib('fileMatcher.js') as {
      getNodeModuleFileMatcher(appDir: string, destination: string, expand: (pattern: string) => string, options: unknown, packager: unknown): { createFilter(): (file: string, stat: Stats) => boolean };
    };
    const keep = getNodeModuleFileMatcher(repoRoot, '/app', (pattern) => pattern, {}, { config, debugLogger: { isEnabled: false } }).createFilter();
    const module = join(repoRoot, 'node_modules', 'better-sqlite3');
    const kept = (path: string): boolean => keep(path, statSync(path));
    const nodeBuild = join(module, 'build', 'Release', 'better_sqlite3.node');
    assert.ok(existsSync(nodeBuild), 'the Node build is there to be left out');
    assert.equal(kept(nodeBuild), false);
    assert.equal(kept(join(module, 'build')), false);
    for (const file of ['package.json', join('lib', 'index.js'), join('lib', 'database.js')]) assert.equal(kept(join(module, file)), true, file);
    for (const dir of ['src', 'deps'].filter((name) => existsSync(join(module, name)))) assert.equal(kept(join(module, dir)), false, dir);
  });

  it('flips every Electron fuse explicitly, with ASAR integrity validation on (onlyLoadAppFromAsar alone guarantees nothing)', async () => {
    assert.deepEqual(config.electronFuses, {
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
    // The fuse checks hashes electron-builder computes into the app (platformPackager.js, asar/integrity.js) unless this is set.
    assert.equal((config as unknown as Record<string, unknown>).disableAsarIntegrity, undefined);
    // electron-builder's own translation (platformPackager.js generateFuseConfig) into @electron/fuses' wire:
    // every fuse of the V1 wire gets our value, so none is left at Electron's default.
    const { PlatformPackager } = builderLib('platformPackager.js') as { PlatformPackager: { prototype: { generateFuseConfig(fuses: unknown): Promise<Record<string, unknown>> } } };
    const wire = await PlatformPackager.prototype.generateFuseConfig.call(null, config.electronFuses);
    const { FuseV1Options } = createRequire(join(repoRoot, 'node_modules', 'app-builder-lib', 'package.json'))('@electron/fuses') as { FuseV1Options: Record<string, number | string> };
    const options = Object.entries(FuseV1Options).filter(([, value]) => typeof value === 'number') as [string, number][];
    assert.equal(options.length, Object.keys(config.electronFuses).length, 'one setting per fuse of the wire');
    for (const [name, position] of options) {
      const setting = name.charAt(0).toLowerCase() + name.slice(1);
      assert.equal(wire[position], config.electronFuses[setting as keyof typeof config.electronFuses], name);
      assert.equal(typeof wire[position], 'boolean', `${name} is set`);
    }
  });

  it("passes electron-builder's package metadata check and the deb target's homepage and maintainer rules (Debian wants an email)", async () => {
    const file = join(repoRoot, 'package.json');
    const { readPackageJson, checkMetadata } = builderLib('util/packageMetadata.js') as {
      readPackageJson(file: string): Promise<Record<string, unknown>>;
      checkMetadata(metadata: unknown, devMetadata: unknown, appFile: string, devFile: string): void;
    };
    const metadata = await readPackageJson(file);
    checkMetadata(metadata, metadata, file, file);
    assert.throws(() => checkMetadata({ ...metadata, version: ' ' }, { ...metadata, version: ' ' }, file, file), /Please specify 'version'/);

    // FpmTarget.computeFpmMetaInfoOptions (targets/FpmTarget.js), run on our metadata and our linux + deb options.
    const FpmTarget = (builderLib('targets/FpmTarget.js') as { default: { prototype: { computeFpmMetaInfoOptions(): Promise<{ maintainer: string; url: string; vendor: string }> } } }).default;
    const { AppInfo } = builderLib('appInfo.js') as { AppInfo: { prototype: { computePackageUrl(): Promise<string | null> } } };
    const debInfo = (meta: Record<string, unknown>, options: Record<string, unknown>): Promise<{ maintainer: string; url: string; vendor: string }> => {
      const info = { metadata: meta, devMetadata: meta, repositoryInfo: Promise.resolve(null) };
      const appInfo = { info, notNullDevMetadata: meta, linuxPackageName: packageJson.name, computePackageUrl: AppInfo.prototype.computePackageUrl };
      return FpmTarget.prototype.computeFpmMetaInfoOptions.call({ packager: { appInfo, info }, options });
    };
    const deb = await debInfo(metadata, { ...config.linux, ...config.deb });
    assert.equal(deb.url, packageJson.homepage);
    assert.equal(deb.maintainer, config.linux.maintainer);
    assert.match(deb.maintainer, /^[^<>]+ <[^<>@\s]+@[^<>@\s]+\.[a-z]+>$/, 'Debian Maintainer: "Name <email>"');
    // The author alone would do too; and without a homepage or an email electron-builder stops.
    assert.equal((await debInfo(metadata, {})).maintainer, `${packageJson.author.name} <${packageJson.author.email}>`);
    await assert.rejects(debInfo({ ...metadata, homepage: undefined, author: { name: 'x' } }, {}), /homepage[\s\S]*author 'email'/);
    // A placeholder domain (RFC 2606 .example), never a real host.
    for (const address of [packageJson.homepage, packageJson.author.email, config.linux.maintainer]) assert.match(address, /\.example[/>]?$/);
  });

  it('signs and notarizes from the environment of a release machine and builds unsigned without it; the entitlements grant only JIT', () => {
    assert.equal(config.mac.hardenedRuntime, true, 'notarization requires the hardened runtime');
    assert.equal(config.mac.notarize, true);
    assert.equal(config.forceCodeSigning, false, 'a machine without certificates still builds (unsigned) installers');
    assert.equal(config.mac.identity, undefined, 'the identity comes from CSC_LINK or the keychain, never from the repository');
    assert.deepEqual(config.win.signtoolOptions.signingHashAlgorithms, ['sha256']);
    assert.doesNotMatch(JSON.stringify(packageJson), /password|cscLink|certificateFile|certificatePassword|APPLE_|apiKey/i, 'no secret, nor a path to one, in package.json');
    for (const file of [config.mac.entitlements, config.mac.entitlementsInherit]) {
      const plist = readFileSync(join(repoRoot, file), 'utf8');
      assert.deepEqual([...plist.matchAll(/<key>([^<]+)<\/key>\s*<true\/>/g)].map((match) => match[1]), ['com.apple.security.cs.allow-jit'], file);
      assert.equal([...plist.matchAll(/<key>/g)].length, 1, `${file} grants nothing else`);
    }
    // electron-builder's notarization step (mac/MacTargetHelper.js getNotarizeOptions) reads only the environment:
    // nothing set means no notarization, half a set of credentials stops the build.
    const { MacTargetHelper } = builderLib('mac/MacTargetHelper.js') as { MacTargetHelper: { getNotarizeOptions(appPath: string): Record<string, unknown> | undefined } };
    const names = ['APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID', 'APPLE_API_KEY', 'APPLE_API_KEY_ID', 'APPLE_API_ISSUER', 'APPLE_KEYCHAIN', 'APPLE_KEYCHAIN_PROFILE'];
    const saved = Object.fromEntries(names.map((name) => [name, process.env[name]]));
    const withEnv = (values: Record<string, string>): Record<string, unknown> | undefined => {
      for (const name of names) delete process.env[name];
      Object.assign(process.env, values);
      try {
        return MacTargetHelper.getNotarizeOptions('/release/mac/Execution Inspector.app');
      } finally {
        for (const name of names) {
          if (saved[name] === undefined) delete process.env[name];
          else process.env[name] = saved[name];
        }
      }
    };
    assert.equal(withEnv({}), undefined);
    assert.deepEqual(withEnv({ APPLE_ID: 'a@b.example', APPLE_APP_SPECIFIC_PASSWORD: 'x', APPLE_TEAM_ID: 'T' }), { tool: 'notarytool', appPath: '/release/mac/Execution Inspector.app', appleId: 'a@b.example', appleIdPassword: 'x', teamId: 'T' });
    assert.equal(withEnv({ APPLE_API_KEY: '/k.p8', APPLE_API_KEY_ID: 'K', APPLE_API_ISSUER: 'I' })?.appleApiKeyId, 'K');
    assert.throws(() => withEnv({ APPLE_ID: 'a@b.example' }), /APPLE_APP_SPECIFIC_PASSWORD/);
  });

  it('publishes nothing and ships no updater: publish is null for every platform and target, even with a GH_TOKEN in the environment', async () => {
    assert.equal(config.publish, null);
    assert.equal(packageJson.dependencies['electron-updater'], undefined);
    const { getPublishConfigs } = builderLib('publish/PublishManager.js') as {
      getPublishConfigs(packager: unknown, targetOptions: unknown, arch: unknown, errorIfCannot: boolean): Promise<unknown>;
    };
    const token = process.env.GH_TOKEN;
    process.env.GH_TOKEN = 'would-publish-to-github';
    try {
      const sections = config as unknown as Record<string, Record<string, unknown> | undefined>;
      for (const [platform, targets] of [['linux', ['AppImage', 'deb']], ['mac', ['dmg']], ['win', ['nsis']]] as const) {
        for (const target of targets) {
          const packager = { config, platformSpecificBuildOptions: sections[platform] ?? {}, info: {} };
          assert.equal(await getPublishConfigs(packager, sections[target] ?? null, null, false), null, `${platform} ${target}`);
        }
      }
    } finally {
      if (token === undefined) delete process.env.GH_TOKEN;
      else process.env.GH_TOKEN = token;
    }
  });
});
