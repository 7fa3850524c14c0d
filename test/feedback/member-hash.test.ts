import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFeedbackSecret, memberHasher } from '../../src/feedback/adapters/member-hash.js';
import { temporaryFolder } from '../support/test-index.js';

describe('the feedback secret', () => {
  it('is FEEDBACK_SECRET when set, and otherwise generated once, kept readable by its owner only, and reused', async () => {
    const temporary = await temporaryFolder('secret');
    try {
      const dataDir = path.join(temporary.folder, 'data');
      expect(loadFeedbackSecret('configured secret value', dataDir)).toBe('configured secret value');
      const generated = loadFeedbackSecret(undefined, dataDir);
      expect(generated).toMatch(/^[0-9a-f]{64}$/u);
      const file = path.join(dataDir, 'feedback-secret');
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(readFileSync(file, 'utf8').trim()).toBe(generated);
      expect(loadFeedbackSecret(undefined, dataDir)).toBe(generated);
    } finally {
      await temporary.remove();
    }
  });

  it('refuses a kept secret that is empty or cut short, naming the file, rather than hash with it', async () => {
    const temporary = await temporaryFolder('secret');
    try {
      const file = path.join(temporary.folder, 'feedback-secret');
      for (const text of ['', '\n', 'abc123']) {
        writeFileSync(file, text);
        expect(() => loadFeedbackSecret(undefined, temporary.folder)).toThrow(/feedback secret at .*feedback-secret/u);
      }
    } finally {
      await temporary.remove();
    }
  });

  it('hashes a member id to the same value under one secret and to another under another', () => {
    const id = '200000000000000001';
    expect(memberHasher('secret one, sixteen')(id)).toBe(memberHasher('secret one, sixteen')(id));
    expect(memberHasher('secret one, sixteen')(id)).not.toBe(memberHasher('secret two, sixteen')(id));
    expect(memberHasher('secret one, sixteen')(id)).not.toContain(id);
  });
});
