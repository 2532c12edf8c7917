import { describe, expect, test } from 'vitest';
import {
  addressKey,
  clientAddressOf,
  normalizeAddress,
  parseTrustedProxies,
  PEER_HEADER,
  resolveClientAddress,
} from './client-address';

describe('parseTrustedProxies', () => {
  const trusted = parseTrustedProxies(
    ' 10.0.0.0/8, 192.0.2.10 ,fd00::/8, ::1, bogus, 10.0.0.0/33, 1.2.3.4/x',
  );

  test.each([
    ['10.1.2.3', true],
    ['::ffff:10.1.2.3', true],
    ['11.0.0.1', false],
    ['192.0.2.10', true],
    ['192.0.2.11', false],
    ['fd12:3456::1', true],
    ['FD12:3456::1', true],
    ['fe80::1', false],
    ['::1', true],
    ['not an ip', false],
    ['', false],
  ])('%s → %s', (address, expected) => {
    expect(trusted.matches(address)).toBe(expected);
  });

  test('reports malformed entries instead of trusting them', () => {
    expect(trusted.invalid).toEqual(['bogus', '10.0.0.0/33', '1.2.3.4/x']);
    expect(parseTrustedProxies(undefined).matches('127.0.0.1')).toBe(false);
    expect(parseTrustedProxies('').invalid).toEqual([]);
  });
});

describe('resolveClientAddress', () => {
  const trusted = parseTrustedProxies('10.0.0.0/8');

  test.each([
    {
      name: 'an untrusted peer is the client, whatever it forwards',
      peer: '203.0.113.5',
      xff: '1.1.1.1',
      want: '203.0.113.5',
    },
    { name: 'no peer at all', peer: null, xff: '1.1.1.1', want: 'unknown' },
    { name: 'trusted proxy, one hop', peer: '10.0.0.2', xff: '198.51.100.7', want: '198.51.100.7' },
    { name: 'trusted proxy without a header', peer: '10.0.0.2', xff: null, want: '10.0.0.2' },
    {
      name: 'a client-claimed left part is skipped',
      peer: '10.0.0.2',
      xff: '6.6.6.6, 198.51.100.7, 10.0.0.9',
      want: '198.51.100.7',
    },
    { name: 'only trusted hops', peer: '10.0.0.2', xff: '10.0.0.3, 10.0.0.4', want: '10.0.0.3' },
    { name: 'garbage stops the walk', peer: '10.0.0.2', xff: 'x, 10.0.0.4', want: '10.0.0.4' },
    { name: 'mapped IPv4 peer', peer: '::ffff:203.0.113.5', xff: null, want: '203.0.113.5' },
  ])('$name', ({ peer, xff, want }) => {
    expect(resolveClientAddress(peer, xff, trusted)).toBe(want);
  });
});

describe('clientAddressOf', () => {
  test('uses the stamped peer and TRUSTED_PROXIES from the environment', () => {
    const headers = new Headers({ [PEER_HEADER]: '127.0.0.1', 'x-forwarded-for': '198.51.100.7' });
    expect(clientAddressOf(headers, {})).toBe('127.0.0.1');
    expect(clientAddressOf(headers, { TRUSTED_PROXIES: '127.0.0.1' })).toBe('198.51.100.7');
  });
});

describe('normalizeAddress and addressKey', () => {
  test('one spelling per address; IPv6 counted per /64', () => {
    expect(normalizeAddress('[::1]')).toBe('::1');
    expect(normalizeAddress('1.2.3')).toBeNull();
    expect(addressKey('203.0.113.5')).toBe('203.0.113.5');
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8:1:2:bbbb:cccc:dddd:eeee')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressKey('unknown')).toBe('unknown');
  });
});
