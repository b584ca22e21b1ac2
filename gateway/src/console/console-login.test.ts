import express from 'express';
import { jwtVerify } from 'jose';
import request from 'supertest';
import { consoleLogin } from './console-login';

const appWith = (auth: Parameters<typeof consoleLogin>[0]) => express().use(consoleLogin(auth));

describe("the console's sign-in", () => {
  it('in development mints a persona token the gateway accepts, with its roles and department', async () => {
    const secret = 'console-login-test-secret-0123456789';
    const app = appWith({ kind: 'hs256', secret });
    const login = await request(app).get('/console/login').expect(200);
    expect(login.body.mode).toBe('development');
    expect(login.body.personas).toContainEqual({ id: 'water-staff-1', roles: ['DEPARTMENT_STAFF'], dept: 'water' });
    const minted = await request(app).post('/console/dev-token').send({ persona: 'water-staff-1' }).expect(200);
    const { payload } = await jwtVerify(minted.body.token, new TextEncoder().encode(secret));
    expect(payload).toMatchObject({ sub: 'water-staff-1', roles: ['DEPARTMENT_STAFF'], dept: 'water' });
    const unknown = await request(app).post('/console/dev-token').send({ persona: 'mayor' }).expect(400);
    expect(unknown.body.error).toMatch(/persona must be one of/);
  });

  it("with the city's identity provider names it and mints nothing", async () => {
    const app = appWith({ kind: 'jwks', url: 'https://id.city.example/.well-known/jwks.json', issuer: 'https://id.city.example' });
    const login = await request(app).get('/console/login').expect(200);
    expect(login.body).toEqual({ mode: 'identity-provider', issuer: 'https://id.city.example' });
    await request(app).post('/console/dev-token').send({ persona: 'operator-007' }).expect(404);
  });
});
