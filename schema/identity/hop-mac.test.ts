import { GRANT_HEADER } from './caller-grant';
import { developmentHopKeys } from './hop-keys';
import { Role } from './roles';
import { HopVerifier, IDENTITY_HEADER, macIdentity, signIdentity } from './signed-identity';

const operator = { id: 'operator-007', roles: [Role.OPERATOR], department: null, phone: null };
const gateway = developmentHopKeys('gateway');
const water = developmentHopKeys('water');
const READ = { query: '{ ticket(id: "t-1") { id } }', variables: { id: 't-1' } };
const UNAUTHENTICATED = { extensions: { code: 'UNAUTHENTICATED' } };

describe("the gateway's MAC'd hops", () => {
  it('name the caller to the subgraph they are for, once, and carry the grant to act on', async () => {
    const headers = macIdentity(operator, gateway, 'water', READ);
    const waterVerifier = new HopVerifier(water);
    const hop = await waterVerifier.verify(headers, READ);
    expect(hop).toMatchObject({ actor: { id: 'operator-007', roles: [Role.OPERATOR] }, signer: 'gateway', token: headers[GRANT_HEADER] });
    await expect(waterVerifier.verify(headers, READ)).rejects.toMatchObject({ message: 'the gateway signature has already been used' });
  });

  it('bind the request: other variables or another query are refused', async () => {
    const verifier = new HopVerifier(water);
    await expect(verifier.verify(macIdentity(operator, gateway, 'water', READ), { ...READ, variables: { id: 't-2' } })).rejects.toMatchObject(UNAUTHENTICATED);
    await expect(verifier.verify(macIdentity(operator, gateway, 'water', READ), { query: '{ supplyZones { code } }' })).rejects.toMatchObject(UNAUTHENTICATED);
  });

  it('convince only their subgraph: another subgraph, or a MAC by anyone but the gateway, is refused', async () => {
    await expect(new HopVerifier(developmentHopKeys('transit')).verify(macIdentity(operator, gateway, 'water', READ), READ)).rejects.toMatchObject(UNAUTHENTICATED);
    // water holds no key to MAC with as "water", and intake would not take it: only the gateway's key ids are looked up
    await expect(new HopVerifier(developmentHopKeys('intake')).verify(macIdentity(operator, water, 'intake', READ), READ)).rejects.toMatchObject({ message: 'no trusted key "water:development"' });
  });

  it("let the subgraph act for the caller elsewhere with the grant, and the grant is no hop itself", async () => {
    const grant = (await new HopVerifier(water).verify(macIdentity(operator, gateway, 'water', READ), READ)).token!;
    const intake = new HopVerifier(developmentHopKeys('intake'));
    await expect(intake.verify(await signIdentity(operator, water, 'intake', READ, { onBehalfOf: grant }), READ)).resolves.toMatchObject({ actor: { id: 'operator-007' }, signer: 'water' });
    // water cannot raise the caller's rights, nor use transit's grant
    const raised = { ...operator, roles: [Role.SYSTEM_ADMIN] };
    await expect(intake.verify(await signIdentity(raised, water, 'intake', READ, { onBehalfOf: grant }), READ)).rejects.toMatchObject({ message: 'water speaks for someone the gateway did not send it' });
    const transitGrant = macIdentity(operator, gateway, 'transit', READ)[GRANT_HEADER];
    await expect(intake.verify(await signIdentity(operator, water, 'intake', READ, { onBehalfOf: transitGrant }), READ)).rejects.toMatchObject(UNAUTHENTICATED);
    // shown as a hop, a grant binds no request and is refused
    await expect(new HopVerifier(water).verify({ [IDENTITY_HEADER]: grant }, READ)).rejects.toMatchObject(UNAUTHENTICATED);
  });

  it('reuse one grant per caller and subgraph for 30 seconds, then sign a new one', () => {
    // an hour ahead: the grants the other tests made are remembered with the real clock
    const now = Date.now() + 3_600_000;
    const first = macIdentity(operator, gateway, 'water', READ, now)[GRANT_HEADER];
    expect(macIdentity(operator, gateway, 'water', READ, now + 29_000)[GRANT_HEADER]).toBe(first);
    expect(macIdentity({ ...operator, id: 'operator-008' }, gateway, 'water', READ, now + 1000)[GRANT_HEADER]).not.toBe(first);
    expect(macIdentity(operator, gateway, 'transit', READ, now + 1000)[GRANT_HEADER]).not.toBe(first);
    expect(macIdentity(operator, gateway, 'water', READ, now + 30_000)[GRANT_HEADER]).not.toBe(first);
  });
});
