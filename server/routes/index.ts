/**
 * The sync server's API (issue 13): every /v1 endpoint of src/sync/protocol.ts. Join needs no token; everything else
 * goes through `authenticate`. Bodies are read with src/sync/protocol-schema.ts; the rules of who may do what live in
 * server/domain (every query scoped by the caller's organisation from the token).
 */
import type { FastifyInstance } from 'fastify';
import { PACK_ID_PATTERN } from '../../src/packs/pack-schema.ts';
import { TAKE_ID_PATTERN } from '../../src/packs/results-schema.ts';
import { ID_PATTERN, SYNC_LIMITS, SYNC_PATHS } from '../../src/sync/protocol.ts';
import {
  parseCreateGroupRequest, parseCreateInviteRequest, parseCreatePersonRequest, parseJoinRequest, parsePublishPackRequest,
  parsePushRequest, parseUpdatePersonRequest,
} from '../../src/sync/protocol-schema.ts';
import { authenticate, callerOf } from '../auth/authenticate.ts';
import type { Db } from '../db/sql.ts';
import { createInvite, joinDevice, listDevices, me, revokeDevice } from '../domain/accounts.ts';
import { badRequest } from '../domain/errors.ts';
import { assignments, publishPack } from '../domain/packs.ts';
import { createGroup, createPerson, listGroups, listPeople, updatePerson } from '../domain/people.ts';
import { rosterJson } from '../domain/roster.ts';
import { getTakeAudio, pushTakes, putTakeAudio } from '../domain/takes.ts';
import { apiErrorHandler, bodyOf, idParam, optionalQuery } from './common.ts';

/** Registers the API's routes (in their own context, with their own error handler for refusals). */
export async function registerApi(app: FastifyInstance, deps: { db: Db }): Promise<void> {
  const { db } = deps;
  await app.register(async (api) => {
    api.setErrorHandler(apiErrorHandler);

    api.post(SYNC_PATHS.join, async (request, reply) => {
      const body = bodyOf(request, parseJoinRequest);
      return reply.code(201).send(await joinDevice(db, body.inviteCode, body.deviceName));
    });

    await api.register(async (authed) => {
      authed.addHook('preHandler', authenticate(db));

      authed.get(SYNC_PATHS.me, async (request) => me(db, callerOf(request)));

      authed.get(SYNC_PATHS.groups, async (request) => listGroups(db, callerOf(request)));
      authed.post(SYNC_PATHS.groups, async (request, reply) =>
        reply.code(201).send(await createGroup(db, callerOf(request), bodyOf(request, parseCreateGroupRequest).name)));

      authed.get(SYNC_PATHS.people, async (request) => listPeople(db, callerOf(request)));
      authed.post(SYNC_PATHS.people, async (request, reply) =>
        reply.code(201).send(await createPerson(db, callerOf(request), bodyOf(request, parseCreatePersonRequest))));
      authed.patch(`${SYNC_PATHS.people}/:personId`, async (request) => {
        const personId = idParam(request, 'personId', ID_PATTERN, 'The person');
        return updatePerson(db, callerOf(request), personId, bodyOf(request, parseUpdatePersonRequest));
      });

      authed.post(SYNC_PATHS.invites, async (request, reply) => {
        const body = bodyOf(request, parseCreateInviteRequest);
        return reply.code(201).send(await createInvite(db, callerOf(request), body.personId, body.ttlHours));
      });

      authed.get(SYNC_PATHS.devices, async (request) => listDevices(db, callerOf(request)));
      authed.post(`${SYNC_PATHS.devices}/:deviceId/revoke`, async (request) =>
        revokeDevice(db, callerOf(request), idParam(request, 'deviceId', ID_PATTERN, 'The device')));

      authed.put(`${SYNC_PATHS.packs}/:packId`, async (request) => {
        const packId = idParam(request, 'packId', PACK_ID_PATTERN, 'The pack');
        return publishPack(db, callerOf(request), packId, bodyOf(request, parsePublishPackRequest));
      });
      authed.get(SYNC_PATHS.assignments, async (request) => assignments(db, callerOf(request)));

      authed.post(SYNC_PATHS.takes, async (request) => pushTakes(db, callerOf(request), bodyOf(request, parsePushRequest)));
      authed.put(`${SYNC_PATHS.takes}/:takeId/audio`, { bodyLimit: SYNC_LIMITS.takeAudioBytes }, async (request, reply) => {
        const takeId = idParam(request, 'takeId', TAKE_ID_PATTERN, 'The take');
        if (!(request.body instanceof Uint8Array)) throw badRequest('The take audio must be sent as audio/wav.');
        await putTakeAudio(db, callerOf(request), takeId, request.body);
        return reply.code(204).send();
      });
      authed.get(`${SYNC_PATHS.takes}/:takeId/audio`, async (request, reply) => {
        const takeId = idParam(request, 'takeId', TAKE_ID_PATTERN, 'The take');
        const wav = await getTakeAudio(db, callerOf(request), takeId, optionalQuery(request, 'personId', ID_PATTERN, 'The person'));
        return reply.type('audio/wav').send(Buffer.from(wav.buffer, wav.byteOffset, wav.byteLength));
      });

      authed.get(SYNC_PATHS.roster, async (request, reply) =>
        reply.type('application/json; charset=utf-8').send(await rosterJson(db, callerOf(request), optionalQuery(request, 'groupId', ID_PATTERN, 'The group'))));
    });
  });
}
