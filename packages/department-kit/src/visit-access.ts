import type { Principal } from '@dr/domain';
import { conflict, forbidden, notFound, queryGraph } from '@dr/subgraph-kit';

/** Who may write a department's record of a visit, as far as the joint office knows it. */
export interface VisitAccessCheck {
  assertMayWrite(inspectionId: string, principal: Principal, authorization: string | null): Promise<void>;
  /** Whether the caller is on the visit's team (NOT_FOUND for an unknown inspection). */
  onTeam(inspectionId: string, authorization: string | null): Promise<boolean>;
}

/**
 * Asks the graph (the gateway, with the caller's token) whether the inspection exists, is not
 * cancelled, and whether the caller is on its team: an inspector writes only visits of their own
 * team; a department admin may correct any of the department's. The department reads no office table.
 */
export class GraphVisitAccess implements VisitAccessCheck {
  constructor(
    private readonly gatewayUrl: string,
    private readonly timeoutMs = 10_000,
  ) {}

  async assertMayWrite(inspectionId: string, principal: Principal, authorization: string | null): Promise<void> {
    const inspection = await this.inspection(inspectionId, authorization);
    if (inspection.status === 'CANCELLED') throw conflict('该检查已撤销（重新抽取），不能再填写', { field: 'inspectionId' });
    if (principal.role === 'INSPECTOR' && !inspection.viewerOnTeam) throw forbidden('只有本检查组的执法人员可以填写本次检查的记录');
  }

  async onTeam(inspectionId: string, authorization: string | null): Promise<boolean> {
    return (await this.inspection(inspectionId, authorization)).viewerOnTeam;
  }

  private async inspection(inspectionId: string, authorization: string | null): Promise<{ status: string; viewerOnTeam: boolean }> {
    const { inspection } = await queryGraph<{ inspection: { status: string; viewerOnTeam: boolean } | null }>(this.gatewayUrl, {
      query: 'query VisitAccess($id: ID!) { inspection(id: $id) { status viewerOnTeam } }',
      variables: { id: inspectionId },
      authorization,
      unavailable: '暂时无法确认检查信息（联席办服务不可用），请稍后重试；离线记录会保留在设备上',
      timeoutMs: this.timeoutMs,
    });
    if (!inspection) throw notFound('检查', inspectionId);
    return inspection;
  }
}
