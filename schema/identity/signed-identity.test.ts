import { developmentHopKeys } from './hop-keys';
import { Role } from './roles';
import { HopVerifier, IDENTITY_HEADER, signIdentity, type HopRequest } from './signed-identity';

const operator = { id: 'op-1', roles: [Role.OPERATOR], department: null, phone: null };
const gateway = developmentHopKeys('gateway');
const QUERY = 'query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Ticket { id } } }';
const variables = { representations: [{ __typename: 'Ticket', id: 't-1' }, { id: 't-2', __typename: 'Ticket' }] };

/** What a subgraph parses out of the body the sender wrote. */
const received = (body: string): HopRequest => ({ method: 'POST', ...(JSON.parse(body) as { query: string; variables?: unknown }) });

async function verify(signed: HopRequest, body: string) {
  const headers = await signIdentity(operator, gateway, 'water', signed);
  return new HopVerifier(developmentHopKeys('water')).verify({ [IDENTITY_HEADER]: headers[IDENTITY_HEADER] }, received(body));
}

describe('the variables a hop signature binds', () => {
  it('are the exact JSON the gateway sends, checked without re-serialising them canonically', async () => {
    const variablesJson = JSON.stringify(variables);
    const body = `{"query":${JSON.stringify(QUERY)},"variables":${variablesJson}}`;
    await expect(verify({ query: QUERY, variables, variablesJson }, body)).resolves.toMatchObject({ actor: { id: 'op-1' } });
  });

  it('are canonical JSON for a signer that gives no text, whatever order the keys arrive in', async () => {
    const body = JSON.stringify({ query: QUERY, variables: { representations: variables.representations.map(({ id, __typename }) => ({ id, __typename })) } });
    await expect(verify({ query: QUERY, variables }, body)).resolves.toMatchObject({ actor: { id: 'op-1' } });
  });

  it('refuse other variables, either way they were signed', async () => {
    const other = JSON.stringify({ query: QUERY, variables: { representations: [{ __typename: 'Ticket', id: 't-9' }] } });
    await expect(verify({ query: QUERY, variables, variablesJson: JSON.stringify(variables) }, other)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    await expect(verify({ query: QUERY, variables }, other)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });

  it('refuse another query text, also once the signed one is remembered', async () => {
    const variablesJson = JSON.stringify(variables);
    const body = `{"query":${JSON.stringify(QUERY)},"variables":${variablesJson}}`;
    await verify({ query: QUERY, variables, variablesJson }, body);
    const otherBody = `{"query":${JSON.stringify(`${QUERY} `)},"variables":${variablesJson}}`;
    await expect(verify({ query: QUERY, variables, variablesJson }, otherBody)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });
});
