import { describe, expect, it } from '@jest/globals';
import type { ApolloClient } from '@apollo/client';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { parse } from 'graphql';
import { VERSIONED_WRITE, versionedWriteHandler, type VersionedWrite } from './handlers';
import { createMemoryStore } from './kv-store';
import { Outbox } from './outbox';

const SAVE = parse('mutation Save($input: SaveSectionInput!) { cultureSaveSection(input: $input) { version } }');

/** A section on a fake server: a write naming another version than the current one is a CONFLICT. */
function fakeSectionServer() {
  const state = { version: 3, writes: [] as { expectedVersion: number; by: string }[] };
  const write = (input: { expectedVersion: number }, by: string) => {
    if (input.expectedVersion !== state.version) {
      throw new CombinedGraphQLErrors({ data: null, errors: [{ message: '已被他人修改', extensions: { code: 'CONFLICT', currentVersion: state.version } }] });
    }
    state.version += 1;
    state.writes.push({ expectedVersion: input.expectedVersion, by });
    return { cultureSaveSection: { version: state.version } };
  };
  const client = { mutate: async ({ variables }: { variables: { input: { expectedVersion: number } } }) => ({ data: write(variables.input, 'device') }) };
  return { state, write, client: client as unknown as ApolloClient };
}

const save = (expectedVersion: number, key: string) => ({
  kind: VERSIONED_WRITE,
  scope: 'section:CULTURE:i1',
  owner: 'u1',
  idempotencyKey: key,
  label: '保存',
  payload: { document: SAVE, variables: { input: { expectedVersion, idempotencyKey: key } }, versionPath: ['cultureSaveSection', 'version'] } satisfies VersionedWrite,
});

describe('versionedWriteHandler', () => {
  it('chains two saves made offline on the same base version instead of conflicting with itself', async () => {
    const server = fakeSectionServer();
    const online = { value: false };
    const sut = new Outbox({ store: createMemoryStore(), isOnline: () => online.value, watchConnectivity: false });
    sut.setOwner('u1');
    sut.setHandler(VERSIONED_WRITE, versionedWriteHandler(server.client, createMemoryStore()));
    await sut.enqueue(save(3, 'k1'));
    await sut.enqueue(save(3, 'k2'));
    online.value = true;
    await sut.flush();
    expect(server.state.writes.map((write) => write.expectedVersion)).toEqual([3, 4]);
    expect(sut.getSnapshot().entries).toEqual([]);
    sut.close();
  });

  it("still reports a CONFLICT when someone else wrote in between (never overwrites silently)", async () => {
    const server = fakeSectionServer();
    const sut = new Outbox({ store: createMemoryStore(), isOnline: () => true, watchConnectivity: false });
    sut.setOwner('u1');
    sut.setHandler(VERSIONED_WRITE, versionedWriteHandler(server.client, createMemoryStore()));
    await sut.enqueue(save(3, 'k1'));
    await sut.flush();
    server.write({ expectedVersion: 4 }, 'someone else');
    await sut.enqueue(save(4, 'k2'));
    await sut.flush();
    const [failed] = sut.getSnapshot().entries;
    expect(failed).toMatchObject({ status: 'failed', failure: { code: 'CONFLICT', extensions: { currentVersion: 5 } } });
    expect(server.state.writes.map((write) => write.by)).toEqual(['device', 'someone else']);
    sut.close();
  });
});
