import { describe, expect, it } from 'vitest';
import { loadConfig } from './env.js';

describe('loadConfig', () => {
  it('has working defaults for a fresh machine', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      databaseUrl: undefined,
      sqliteSynchronous: 'FULL',
      autoVersionIntervalMs: 600_000,
    });
    expect(config.dataDir).toMatch(/\/data$/);
    expect(config.allowSameOrigin).toBe(true);
    expect(config.publicOrigins).toContain('http://localhost:5173');
  });

  it('derives the WebSocket origin allowlist from PUBLIC_URL', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://icp.example.com/app' }).publicOrigins).toEqual([
      'https://icp.example.com',
    ]);
    expect(loadConfig({ PUBLIC_URL: 'https://icp.example.com' }).allowSameOrigin).toBe(false);
  });

  it('reads the automatic history interval', () => {
    expect(loadConfig({ AUTO_VERSION_INTERVAL_MS: '250' }).autoVersionIntervalMs).toBe(250);
    expect(() => loadConfig({ AUTO_VERSION_INTERVAL_MS: '0' })).toThrow(/AUTO_VERSION_INTERVAL_MS/);
  });

  it('names the variable that is wrong', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL: must be a postgres/);
    expect(() => loadConfig({ REDIS_URL: 'http://x', DATABASE_URL: 'postgres://x' })).toThrow(/REDIS_URL/);
    expect(() => loadConfig({ REDIS_PREFIX: 'has space' })).toThrow(/REDIS_PREFIX/);
  });

  it('trusts only the proxies it is told to', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8' }).trustProxy).toBe('loopback, 10.0.0.0/8');
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY/);
  });

  it('runs several instances only on a shared PostgreSQL', () => {
    expect(() => loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379' })).toThrow(/REDIS_URL: .*DATABASE_URL/);
    const config = loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379', DATABASE_URL: 'postgres://db/x' });
    expect(config.redisUrl).toBe('redis://127.0.0.1:6379');
    expect(config.redisPrefix).toBe('bullseye:');
  });
});
