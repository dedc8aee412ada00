/** `runner_selector` from the routing options (spec §4.4); per-call options replace the client's routing. */
import { implicit, type Init } from "../wire/index.js";
import { invalidOption } from "../transport/invalid-option.js";
import type { RoutingOptions } from "./options.js";

export type Routing =
  | { kind: "shared" }
  | { kind: "deployment"; deploymentId: string; userId?: string }
  | { kind: "nodepool"; computeClusterId: string; nodepoolId: string; userId?: string };

const routingKeys = ["deploymentId", "deploymentUserId", "computeClusterId", "nodepoolId", "computeClusterUserId"] as const;

/** Whether `options` mention routing at all (then they replace the client's routing for that call). */
export function hasRouting(options: RoutingOptions): boolean {
  for (const key of routingKeys) if (options[key] !== undefined) return true;
  return false;
}

/** Validates a set of routing options; conflicting or incomplete ones throw naming the options. */
export function routingFrom(options: RoutingOptions, where: string): Routing {
  for (const key of routingKeys) {
    const value = options[key];
    if (value !== undefined && (typeof value !== "string" || value === "")) {
      throw invalidOption(`${where}.${key}`, `expected a non-empty string, got ${JSON.stringify(value)}`);
    }
  }
  const { deploymentId, deploymentUserId, computeClusterId, nodepoolId, computeClusterUserId } = options;
  const clusterGiven = computeClusterId !== undefined || nodepoolId !== undefined || computeClusterUserId !== undefined;
  if (deploymentId !== undefined || deploymentUserId !== undefined) {
    if (clusterGiven) {
      throw invalidOption(where, "deploymentId/deploymentUserId and computeClusterId/nodepoolId/computeClusterUserId " +
        "select compute in two ways; give a deployment or a compute cluster + nodepool, not both");
    }
    if (deploymentId === undefined) throw invalidOption(`${where}.deploymentUserId`, "it needs deploymentId too");
    return { kind: "deployment", deploymentId, userId: deploymentUserId };
  }
  if (clusterGiven) {
    if (computeClusterId === undefined || nodepoolId === undefined) {
      throw invalidOption(where, "a compute cluster route needs both computeClusterId and nodepoolId");
    }
    return { kind: "nodepool", computeClusterId, nodepoolId, userId: computeClusterUserId };
  }
  return { kind: "shared" };
}

/** Whether the selector needs the PAT owner's id (no explicit user id given). */
export function needsOwnerId(routing: Routing): boolean {
  return routing.kind !== "shared" && routing.userId === undefined;
}

/** The request's `runner_selector`, or undefined for shared routing. */
export function runnerSelector(routing: Routing, ownerId: string): Init.RunnerSelector | undefined {
  switch (routing.kind) {
    case "shared":
      return undefined;
    case "deployment":
      return { deployment: { id: routing.deploymentId, userId: implicit(routing.userId ?? ownerId) } };
    case "nodepool":
      return {
        nodepool: {
          id: routing.nodepoolId,
          computeCluster: { id: routing.computeClusterId, userId: implicit(routing.userId ?? ownerId) },
        },
      };
  }
}
