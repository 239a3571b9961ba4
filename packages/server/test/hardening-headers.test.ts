/**
 * Header parsing in linear time: `Accept-Encoding`, `Authorization`, `Content-Type`,
 * `If-Match` / `If-None-Match` are read by one-pass scanners (`src/http/headers.ts`). Here:
 * their answers, on ordinary and on adversarial 16 KiB inputs. (How fast they answer is
 * measured by `bench/hardening.bench.mjs`, not asserted here.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  acceptsGzip,
  isJsonMediaType,
  parseAcceptEncoding,
  parseBearer,
  parseEntityTags,
  parseQvalue,
} from '../src/http/headers.js';
import { harness, type Harness } from './harness.js';

const KB16 = 16 * 1024;
/** `unit` repeated to at least 16 KiB (whole repeats). */
const fill = (unit: string, size = KB16) => unit.repeat(Math.ceil(size / unit.length));

describe('acceptsGzip (RFC 9110 §12.5.3)', () => {
  it.each([
    ['gzip', true],
    ['GZIP', true],
    ['x-gzip', true],
    ['gzip, deflate, br', true],
    ['br;q=1.0, gzip;q=0.8, *;q=0.1', true],
    ['  gzip  ;  q = 0.5 ', false], // no white space around "=" in a parameter
    ['gzip ; q=0.5', true],
    ['gzip;Q=0.001', true],
    ['gzip;q=0', false],
    ['gzip;q=0.000', false],
    ['gzip;q=0, *', false], // listed with q=0: refused, whatever * says
    ['*, gzip;q=0', false],
    ['gzip, gzip;q=0', false], // any q=0 for gzip refuses it
    ['*', true],
    ['*;q=0', false],
    ['identity', false],
    ['identity;q=0', false],
    ['deflate, br', false],
    ['gzip;q=1.5', false], // a malformed weight drops the element
    ['gzip;q=2', false],
    ['gzip;q=0.5555', false],
    ['gzip;q=1.001', false],
    ['gzip;q=', false],
    ['gzip;q', false],
    ['gzipx', false],
    ['xgzip', false],
    ['gzip;level=9', true], // other parameters are ignored
    ['gzip;foo="a,b";q=0.5', true],
    [',,, , gzip ,,', true],
    ['', false],
    [',', false],
    ['gzip;q=0.5;q=0', false],
  ])('%j → %s', (header, expected) => {
    expect(acceptsGzip(header)).toBe(expected);
  });

  it('is false without a header', () => {
    expect(acceptsGzip(undefined)).toBe(false);
  });

  it('answers adversarial 16 KiB headers correctly', () => {
    expect(acceptsGzip(fill('gzip;q=0,'))).toBe(false);
    expect(acceptsGzip(fill('gzip;q=0,') + 'gzip')).toBe(false);
    expect(acceptsGzip(fill(',') + 'gzip')).toBe(true);
    expect(acceptsGzip(fill(' ') + 'gzip')).toBe(true);
    expect(acceptsGzip(fill(' ,') + 'gzip;q=0.1')).toBe(true);
    expect(acceptsGzip(fill(' '))).toBe(false);
    expect(acceptsGzip(fill(','))).toBe(false);
    // The shape the old regular expression backtracked on: many near-matches.
    expect(acceptsGzip(fill(',gzip ;q=0.') + 'x')).toBe(false);
    expect(acceptsGzip(fill('gzip ') + 'x')).toBe(false);
    expect(acceptsGzip(fill(' gzip ;q = 1.000') + ',br')).toBe(false);
    expect(acceptsGzip(fill('br;q=0.5,') + 'gzip')).toBe(true);
    expect(acceptsGzip('gzip;foo="' + fill('\\"'))).toBe(false); // unterminated quoted string
    expect(acceptsGzip(fill('a'))).toBe(false);
    expect(parseAcceptEncoding(fill('br,')).length).toBe(Math.ceil(KB16 / 3));
  });

  it('reads qvalues strictly', () => {
    expect(parseQvalue('1')).toBe(1);
    expect(parseQvalue('1.000')).toBe(1);
    expect(parseQvalue('0.125')).toBe(0.125);
    for (const bad of ['', '.5', '1.01', '0.1234', '01', '-0', '0x1', '1e0']) {
      expect(parseQvalue(bad)).toBeNaN();
    }
  });
});

describe('parseBearer', () => {
  it('reads the token', () => {
    expect(parseBearer('Bearer abc')).toBe('abc');
    expect(parseBearer('bearer  abc  ')).toBe('abc');
    expect(parseBearer('BEARER\tabc')).toBe('abc');
    expect(parseBearer('Bearer ' + 'x'.repeat(512))).toBe('x'.repeat(512));
  });
  it('refuses everything else', () => {
    for (const bad of [
      undefined,
      '',
      'Bearer',
      'Bearer ',
      'Bearerabc',
      'Basic abc',
      'Bearer a b',
      'Bearer ' + 'x'.repeat(513),
      'Bearer é',
      'Bearer ' + fill(' ') + '\u0001',
      'Bearer ' + 'x'.repeat(512) + fill(' ') + 'x',
    ]) {
      expect(parseBearer(bad)).toBeUndefined();
    }
  });
});

describe('isJsonMediaType', () => {
  it.each([
    ['application/json', true],
    ['Application/JSON; charset=utf-8', true],
    ['application/json ; charset=utf-8', true],
    ['application/merge-patch+json', true],
    ['application/vnd.milieu.v1+json', true],
    ['application/jsonx', false],
    ['text/json', false],
    ['application/x y+json', false],
    [' application/json', false],
    ['', false],
  ])('%j → %s', (header, expected) => {
    expect(isJsonMediaType(header)).toBe(expected);
  });
  it('answers adversarial 16 KiB values correctly', () => {
    expect(isJsonMediaType('application/' + fill('+') + 'x')).toBe(false);
    expect(isJsonMediaType('application/' + fill('a+') + '+json')).toBe(true);
    expect(isJsonMediaType('application/json' + fill(' ') + 'x')).toBe(false);
    expect(isJsonMediaType('application/json' + fill(' ') + ';')).toBe(true);
  });
});

describe('parseEntityTags', () => {
  it('reads strong tags, star and skips the malformed', () => {
    expect(parseEntityTags('"3"')).toEqual([3]);
    expect(parseEntityTags(' "3" , "4",, ')).toEqual([3, 4]);
    expect(parseEntityTags(' * ')).toBe('*');
    expect(parseEntityTags('*, "3"')).toEqual([3]); // "*" only alone
    expect(parseEntityTags('W/"3", "4"')).toEqual([4]);
    expect(parseEntityTags('W/"3", "4"', true)).toEqual([3, 4]);
    expect(parseEntityTags('"3" x, "a", "", 5, "1234567890123456", "7')).toEqual([]);
  });
  it('answers adversarial 16 KiB values correctly', () => {
    expect(parseEntityTags(fill('"1",'))).toEqual(Array<number>(KB16 / 4).fill(1));
    expect(parseEntityTags(fill(' ') + '"9"')).toEqual([9]);
    expect(parseEntityTags('"' + fill('1'))).toEqual([]);
    expect(parseEntityTags(fill('W/'), true)).toEqual([]);
  });
});

describe('the app with adversarial headers', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness();
  });
  afterAll(() => h.close());

  it('compresses only when a 16 KiB Accept-Encoding allows it', async () => {
    const refused = await h.request('GET', '/api/v1/document', {
      token: 'admin',
      headers: { 'accept-encoding': fill('gzip;q=0,') },
    });
    expect(refused.status).toBe(200);
    expect(refused.headers.get('content-encoding')).toBeNull();
    const allowed = await h.request('GET', '/api/v1/document', {
      token: 'admin',
      headers: { 'accept-encoding': fill(' ,') + 'gzip' },
    });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('content-encoding')).toBe('gzip');
  });

  it('answers 401 to a 16 KiB Authorization header and 415 to a 16 KiB Content-Type', async () => {
    const res = await h.request('GET', '/api/v1/me', {
      headers: { authorization: 'Bearer ' + fill(' ') + 'x y' },
    });
    expect(res.status).toBe(401);
    const post = await h.request('POST', '/api/v1/attendance', {
      token: 'staff',
      raw: '{}',
      headers: { 'content-type': 'application/' + fill('+') + 'x' },
    });
    expect(post.status).toBe(415);
  });

  it('answers a 16 KiB If-None-Match', async () => {
    const first = await h.request('GET', '/api/v1/document', { token: 'admin' });
    const etag = first.headers.get('etag')!;
    const res = await h.request('GET', '/api/v1/document', {
      token: 'admin',
      headers: { 'if-none-match': fill('W/"0", ') + etag },
    });
    expect(res.status).toBe(304);
  });
});
