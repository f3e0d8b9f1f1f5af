// HTTP routes of accounts, people and roles.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../platform/context.js';
import { requireActor } from '../../platform/http.js';
import { countedPageOf, errors } from '../../platform/schemas.js';
import { clearSessionCookies, setSessionCookies } from './accounts.auth.js';
import * as s from './accounts.schemas.js';
import * as accounts from './accounts.service.js';
import * as districts from './districts.service.js';
import * as people from './people.service.js';

/** Registers the account, people and role routes. */
export function accountRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/v1/auth/register', {
    config: {
      audit: { exempt: 'a person signing themselves up (public form)' },
      public: true,
      csrf: false,
      rateLimit: { max: deps.config.loginRateLimit, timeWindow: '1 minute' },
    },
    schema: {
      operationId: 'register',
      tags: ['auth'],
      summary: '居民注册（手机号 + 密码），成功后即登录',
      body: s.registerBody,
      response: { 201: s.sessionReply, ...errors(400, 404, 409, 429) },
    },
    handler: async (req, reply) => {
      const started = await accounts.register(deps, req.body, { ip: req.ip, userAgent: req.headers['user-agent'] });
      setSessionCookies(reply, deps, started.token, started.csrfToken);
      return reply
        .status(201)
        .send({ user: { ...started.me, csrfToken: started.csrfToken }, csrfToken: started.csrfToken });
    },
  });

  r.post('/api/v1/auth/login', {
    config: {
      audit: { exempt: 'signing in; failures are counted in login_throttle, not audited' },
      public: true,
      csrf: false,
      rateLimit: { max: deps.config.loginRateLimit, timeWindow: '1 minute' },
    },
    schema: {
      operationId: 'login',
      tags: ['auth'],
      summary: '手机号 + 密码登录；错误过多时按手机号和来源地址逐步延迟（1、2、4… 最长 30 分钟）',
      body: s.loginBody,
      response: { 200: s.sessionReply, ...errors(400, 401, 423, 429) },
    },
    handler: async (req, reply) => {
      const started = await accounts.login(deps, req.body, { ip: req.ip, userAgent: req.headers['user-agent'] });
      const user = { ...started.me, csrfToken: started.csrfToken };
      if (req.body.client === 'app') return { user, csrfToken: started.csrfToken, token: started.token };
      setSessionCookies(reply, deps, started.token, started.csrfToken);
      return { user, csrfToken: started.csrfToken };
    },
  });

  r.post('/api/v1/auth/logout', {
    config: { audit: { exempt: "ending one's own session" }, public: true, csrf: false },
    schema: { operationId: 'logout', tags: ['auth'], summary: '退出登录', response: { 204: z.null() } },
    handler: async (req, reply) => {
      if (req.auth) await accounts.logout(deps, req.auth.sessionId);
      clearSessionCookies(reply);
      return reply.status(204).send(null);
    },
  });

  r.get('/api/v1/me', {
    schema: {
      operationId: 'getMe',
      tags: ['auth'],
      summary: '当前登录用户',
      response: { 200: s.meSchema, ...errors(401) },
    },
    handler: async (req) => ({ ...(await accounts.getMe(deps, requireActor(req))), csrfToken: req.auth!.csrfToken }),
  });

  r.patch('/api/v1/me', {
    config: { audit: { exempt: 'a person acting on their own profile' } },
    schema: {
      operationId: 'updateMe',
      tags: ['auth'],
      summary: '修改本人资料（称呼、实名、身份证号、所在社区、语言、长辈模式）',
      body: s.updateMeBody,
      response: { 200: s.meSchema, ...errors(400, 401, 403, 404) },
    },
    handler: async (req) => ({
      ...(await accounts.updateMe(deps, requireActor(req), req.body)),
      csrfToken: req.auth!.csrfToken,
    }),
  });

  r.post('/api/v1/me/password', {
    config: { audit: ['account.password_change'] },
    schema: {
      operationId: 'changePassword',
      tags: ['auth'],
      summary: '修改密码；其他设备上的登录随之失效',
      body: s.changePasswordBody,
      response: { 204: z.null(), ...errors(400, 401, 403, 422) },
    },
    handler: async (req, reply) => {
      await accounts.changePassword(deps, requireActor(req), req.auth?.sessionId ?? null, req.body);
      return reply.status(204).send(null);
    },
  });

  r.get('/api/v1/people', {
    schema: {
      operationId: 'listPeople',
      tags: ['people'],
      summary: '辖区内人员（按手机号精确查找或按称呼模糊查找）',
      querystring: s.listPeopleQuery,
      response: { 200: countedPageOf(s.personSchema), ...errors(400, 401, 404) },
    },
    handler: (req) => people.listPeople(deps, requireActor(req), req.query),
  });

  r.get('/api/v1/people/:id', {
    schema: {
      operationId: 'getPerson',
      tags: ['people'],
      summary: '人员详情（脱敏）',
      params: s.idParams,
      response: { 200: s.personSchema, ...errors(401, 404) },
    },
    handler: (req) => people.getPerson(deps, requireActor(req), req.params.id),
  });

  r.post('/api/v1/people/:id/reveal', {
    config: { audit: ['person.reveal'] },
    schema: {
      operationId: 'revealPerson',
      tags: ['people'],
      summary: '查看完整手机号、姓名和身份证号（记入审计日志）',
      params: s.idParams,
      response: { 200: s.revealPersonReply, ...errors(401, 403, 404) },
    },
    handler: (req) => people.revealPerson(deps, requireActor(req), req.params.id),
  });

  r.post('/api/v1/people/:id/password-reset', {
    config: { audit: ['account.password_reset'] },
    schema: {
      operationId: 'resetPassword',
      tags: ['people'],
      summary: '重置忘记的密码：生成一次性临时密码（只显示这一次），本人下次登录须先修改（记入审计日志）',
      params: s.idParams,
      response: { 200: s.resetPasswordReply, ...errors(401, 403, 404) },
    },
    handler: (req) => people.resetPassword(deps, requireActor(req), req.params.id),
  });

  r.post('/api/v1/people/:id/unlock', {
    config: { audit: ['person.unlocked'] },
    schema: {
      operationId: 'unlockAccount',
      tags: ['people'],
      summary: '解除登录延迟：清除该手机号累计的密码错误次数（记入审计日志）',
      params: s.idParams,
      response: { 204: z.null(), ...errors(401, 403, 404) },
    },
    handler: async (req, reply) => {
      await people.unlockAccount(deps, requireActor(req), req.params.id);
      return reply.status(204).send(null);
    },
  });

  r.post('/api/v1/districts', {
    config: { audit: ['district.start'] },
    schema: {
      operationId: 'createDistrict',
      tags: ['org'],
      summary: '开通新区及其首位区管理员（平台运营人员）；新账号的一次性密码只显示这一次，首次登录须修改',
      body: s.createDistrictBody,
      response: { 201: s.createDistrictReply, ...errors(400, 401, 403, 404, 409) },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await districts.startDistrict(deps, requireActor(req), req.body)),
  });

  r.get('/api/v1/roles/catalog', {
    schema: {
      operationId: 'listRoles',
      tags: ['people'],
      summary: '可授予的角色及其适用的节点类型',
      response: { 200: s.roleCatalogReply, ...errors(401) },
    },
    handler: async (req) => {
      requireActor(req);
      return { items: people.listRoleCatalog() };
    },
  });

  r.post('/api/v1/roles', {
    config: { audit: ['role.grant'] },
    schema: {
      operationId: 'grantRole',
      tags: ['people'],
      summary: '在某节点上授予角色',
      body: s.grantRoleBody,
      response: { 201: s.roleAssignmentSchema, ...errors(400, 401, 403, 404, 409, 422) },
    },
    handler: async (req, reply) => reply.status(201).send(await people.grantRole(deps, requireActor(req), req.body)),
  });

  r.delete('/api/v1/roles/:id', {
    config: { audit: ['role.revoke'] },
    schema: {
      operationId: 'revokeRole',
      tags: ['people'],
      summary: '撤销角色',
      params: s.idParams,
      response: { 204: z.null(), ...errors(401, 403, 404) },
    },
    handler: async (req, reply) => {
      await people.revokeRole(deps, requireActor(req), req.params.id);
      return reply.status(204).send(null);
    },
  });
}
