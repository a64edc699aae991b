// What an integrator writes: typed variables in, typed data out (tsc checks both).
import { casesInRegionQuery, contributeMutation, createHubClient, type ContributionInput } from "./src/index";

export async function example(url: string, token: string): Promise<void> {
  const hub = createHubClient({ url, token });
  const { data, errors } = await hub.request(casesInRegionQuery, { region: "61", first: 3 });
  for (const edge of data.cases?.edges ?? []) if (edge.node) console.log(edge.node.id, edge.node.status, edge.node.modus?.join(","));
  if (errors.length) console.log("refused fields:", errors.map((e) => e.path?.join(".")).join(", "));
  const records: ContributionInput[] = [
    { organization: { externalId: "P3MI-0042", sourceSystem: "SISKOP2MI", name: "PT Sinar Jaya Abadi", kind: "P3MI", regionCode: "61.71" } },
  ];
  const answer = await hub.request(contributeMutation, { records });
  for (const r of answer.data.contribute ?? []) console.log(r.index, r.status, r.errors.map((e) => `${e.path.join(".")}: ${e.code}`));
}
