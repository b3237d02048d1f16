// STS over the AWS Query protocol: GetCallerIdentity answers the emulator's account, whatever the
// credentials (they are never checked, stored or logged).
import type { EndpointFactory } from '../../service-endpoint.ts';
import { claimsQuery, handleQuery } from '../service-kit/query-protocol.ts';

export const STS_NAMESPACE = 'https://sts.amazonaws.com/doc/2011-06-15/';

export const createStsEndpoint: EndpointFactory = (ctx) => ({
  name: 'sts',
  claims: (req) => claimsQuery(req, 'sts', '2011-06-15'),
  handle: (req) => handleQuery(req, {
    name: 'sts',
    namespace: STS_NAMESPACE,
    log: (l) => ctx.log(l),
    operations: {
      GetCallerIdentity: {
        run: () => ({ UserId: 'AIDAEMULATOREMULATOR', Account: ctx.accountId, Arn: `arn:aws:iam::${ctx.accountId}:user/emulator` }),
      },
    },
  }),
});
