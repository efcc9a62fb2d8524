/**
 * WorkbookPort contract, the column mapping and the policy: on every host (hosts.ts) both are
 * stored in the workbook and used by every analysis. A saved mapping round-trips, survives save
 * and reopen and is applied; a mapping whose header changed is reported as stale; a damaged
 * document is a clear MAPPING error that saving replaces; setPolicy also sets the PERF functions'
 * default and recalculates.
 * Rules: policies from src/engine/policy.ts (national: 财预〔2020〕10号; spend-ratio: the Baotou
 * forms' cost scoring). Fixtures: seed000 sheet 自评表, seed003 sheet 人才工作服务经费.
 */
import { getDefaultPolicy, setDefaultPolicy } from "../../src/engine/perf";
import type { ProjectForm } from "../../src/engine/model";
import { PortError } from "../../src/excel/messages";
import { detectForms } from "../../src/layout/detect";
import type { Grid } from "../../src/layout/grid";
import { mappingFromForm } from "../../src/layout/mapping";
import { exceljsGrid } from "../excel/helpers";
import { HOSTS } from "./hosts";

afterAll(() => setDefaultPolicy("national"));

async function seed000Mapping() {
  const grid: Grid = await exceljsGrid("seed000", "自评表");
  const form = detectForms(grid)[0] as ProjectForm;
  return mappingFromForm(grid, form);
}

describe.each(HOSTS)("%s: seed000 sheet 自评表", (_name, host) => {
  test("saveMapping → loadMapping round-trips, per sheet, and survives save and reopen", async () => {
    const opened = await host.open("seed000", "自评表");
    const { port } = opened;
    expect(await port.loadMapping("自评表")).toBeUndefined();
    const mf = await seed000Mapping();
    await port.saveMapping("自评表", [mf]);
    expect(await port.loadMapping("自评表")).toEqual([mf]);
    expect(await port.loadMapping("Sheet2")).toBeUndefined();
    const stored = opened.setting("perf.mapping")!;
    expect(JSON.parse(stored).sheets["自评表"].forms[0].range).toBe("A1:I24");
    expect(await opened.reopen().port.loadMapping("自评表")).toEqual([mf]);
    await port.saveMapping("自评表", []);
    expect(await port.loadMapping("自评表")).toBeUndefined();
    expect(opened.storeKeys()).toEqual([]);
  });

  test("the stored mapping is applied: a header detection cannot read is found through it", async () => {
    const { port, state } = await host.open("seed000", "自评表");
    // The 分值 header renamed to something detection does not know.
    state.set("自评表", "G13", { v: "列七" });
    const without = (await port.analyzeActiveSheet({ lang: "zh" })).results[0].form as ProjectForm;
    expect(without.columns.weight).toBeUndefined();
    const mf = await seed000Mapping();
    mf.fields["ind.weight"] = { col: 6, header: "列七" };
    await port.saveMapping("自评表", [mf]);
    const withMapping = (await port.analyzeActiveSheet({ lang: "zh" })).results[0].form as ProjectForm;
    expect(withMapping.columns.weight).toBe(6);
    expect(withMapping.indicators.find((i) => i.row === 13)?.weight?.value).toBe(8);
    expect(withMapping.issues.filter((i) => i.kind === "stale-mapping")).toEqual([]);
  });

  test("a stale mapping (the header of a mapped column changed) is reported, not applied", async () => {
    const { port, state } = await host.open("seed000", "自评表");
    await port.saveMapping("自评表", [await seed000Mapping()]);
    state.set("自评表", "H13", { v: "备注" });
    const form = (await port.analyzeActiveSheet({ lang: "en" })).results[0].form as ProjectForm;
    const stale = form.issues.filter((i) => i.kind === "stale-mapping");
    expect(stale.map((i) => [i.field, i.cell])).toEqual([["ind.score", "H13"]]);
    expect(stale[0].message.en).toContain('the header was "得分" when saved and is now "备注"');
  });

  test("a mapping whose header row moved away is reported as a stale form", async () => {
    const { port } = await host.open("seed000", "自评表");
    const mf = await seed000Mapping();
    await port.saveMapping("自评表", [{ ...mf, headerRow: 40, top: 38, bottom: 50 }]);
    const a = await port.analyzeActiveSheet({ lang: "zh" });
    expect(a.results.some((r) => r.form.issues.some((i) => i.kind === "stale-mapping" && i.cell === "A41"))).toBe(true);
  });

  test("a damaged mapping document is a clear MAPPING error; saving a mapping replaces it", async () => {
    const opened = await host.open("seed000", "自评表");
    const damaged = opened.reopen(
      host.withSettings(opened.state.toInit(), { "perf.mapping": JSON.stringify({ version: 99, sheets: {} }) }),
    );
    const err = (await damaged.port.analyzeActiveSheet({ lang: "zh" }).catch((e) => e)) as PortError;
    expect(err).toBeInstanceOf(PortError);
    expect(err.code).toBe("MAPPING");
    expect(err.zh).toContain("映射文件无效");
    await damaged.port.saveMapping("自评表", [await seed000Mapping()]);
    expect((await damaged.port.analyzeActiveSheet({ lang: "zh" })).results).toHaveLength(1);
  });
});

describe.each(HOSTS)("%s: policy (seed003 sheet 人才工作服务经费, the Baotou spend-ratio form)", (_name, host) => {
  test("getPolicy is national by default; setPolicy stores it, sets the PERF default, recalculates fully and survives reopen", async () => {
    setDefaultPolicy("national");
    const opened = await host.open("seed003", "人才工作服务经费");
    const { port, state } = opened;
    expect(await port.getPolicy()).toBe("national");
    await port.setPolicy("spend-ratio");
    expect(await port.getPolicy()).toBe("spend-ratio");
    expect(getDefaultPolicy().name).toBe("spend-ratio");
    expect(state.calculations).toContain("Full");
    expect(opened.setting("perf.policy")).toBe("spend-ratio");
    expect(await opened.reopen().port.getPolicy()).toBe("spend-ratio");
    const err = (await port.setPolicy("nope").catch((e) => e)) as PortError;
    expect(err).toBeInstanceOf(PortError);
    expect(err.code).toBe("POLICY");
    expect(err.en).toContain('unknown policy "nope"');
    expect(await port.getPolicy()).toBe("spend-ratio");
  });

  test("the analysis uses the stored policy: cost indicators scored by spend ratio", async () => {
    const { port } = await host.open("seed003", "人才工作服务经费");
    await port.setPolicy("national");
    const national = await port.analyzeActiveSheet({ lang: "zh" });
    await port.setPolicy("spend-ratio");
    const spend = await port.analyzeActiveSheet({ lang: "zh" });
    const costs = (a: typeof spend) => a.results[0].indicators.filter((i) => i.kind === "cost").map((i) => i.computed);
    expect(costs(spend)).not.toEqual(costs(national));
  });
});
