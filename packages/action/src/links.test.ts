import { describe, expect, it } from 'vitest';
import { blobLinkBase } from './links.js';

const GITHUB = { GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'acme/aims', GITHUB_SHA: '0123abcd' };

describe('job summary link base', () => {
  it('points at the checked commit, under the aimslint root', () => {
    expect(blobLinkBase(GITHUB, '')).toBe('https://github.com/acme/aims/blob/0123abcd/');
    expect(blobLinkBase(GITHUB, 'compliance/aims docs')).toBe('https://github.com/acme/aims/blob/0123abcd/compliance/aims%20docs/');
    expect(blobLinkBase({ ...GITHUB, GITHUB_SERVER_URL: 'https://ghe.example.com/' }, '.')).toBe('https://ghe.example.com/acme/aims/blob/0123abcd/');
  });

  it('is absent outside GitHub Actions', () => {
    expect(blobLinkBase({}, '')).toBeUndefined();
    expect(blobLinkBase({ ...GITHUB, GITHUB_SHA: '' }, '')).toBeUndefined();
  });
});
