import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readAnchorSettings } from './anchor-settings';

const pem = (key: { export(options: { type: 'pkcs8' | 'spki'; format: 'pem' }): string | Buffer }, type: 'pkcs8' | 'spki') => String(key.export({ type, format: 'pem' }));

describe('readAnchorSettings', () => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');

  it('is off without a key', () => {
    expect(readAnchorSettings({})).toBeNull();
  });

  it('reads a private key from the variable (newlines written as \\n) and derives the public key; the file defaults under DATA_DIR', () => {
    const settings = readAnchorSettings({ AUDIT_ANCHOR_KEY: pem(privateKey, 'pkcs8').replaceAll('\n', '\\n'), DATA_DIR: '/srv/hotline' });
    expect(settings).toMatchObject({ file: '/srv/hotline/audit-anchors.jsonl', intervalMs: 60_000 });
    expect(settings!.verifyKey.export({ type: 'spki', format: 'der' })).toEqual(publicKey.export({ type: 'spki', format: 'der' }));
  });

  it('checks with the public key alone, read from a file', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'anchor-key-')), 'anchor.pub.pem');
    fs.writeFileSync(file, pem(publicKey, 'spki'));
    expect(readAnchorSettings({ AUDIT_ANCHOR_PUBLIC_KEY: file, AUDIT_ANCHOR_FILE: '/mnt/worm/anchors.jsonl' })).toMatchObject({ signingKey: null, file: '/mnt/worm/anchors.jsonl' });
  });

  it('refuses a key that is not Ed25519, or not a key', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey;
    expect(() => readAnchorSettings({ AUDIT_ANCHOR_KEY: pem(rsa, 'pkcs8') })).toThrow(/must be an Ed25519 key/);
    expect(() => readAnchorSettings({ AUDIT_ANCHOR_KEY: '/no/such/key.pem' })).toThrow(/neither a PEM key nor a readable key file/);
  });
});
