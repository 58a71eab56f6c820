import { describe, expect, it } from "vitest";
import { MATCH_THRESHOLD, ScreeningIndex } from "./screening-index.ts";

function sample(): ScreeningIndex {
  const ix = new ScreeningIndex();
  ix.add(1, {
    names: ["Usama bin Muhammad bin Awad bin Ladin"],
    weakNames: ["Abu Abdallah"],
    birthDates: ["1957-03-10"],
    nationalities: ["SA"],
    sex: "M",
  });
  ix.add(2, {
    names: ["Mohammed Ahmed Al-Hashimi"],
    birthDates: ["1970"],
    nationalities: ["IQ"],
    birthPlaces: ["Mosul, Iraq"],
  });
  ix.add(3, {
    names: ["Sergey Viktorovich Lavrov"],
    birthDates: ["1950-03-21"],
    nationalities: ["RU"],
    sex: "M",
  });
  ix.add(4, { names: ["Mohamed Ahmed Hashemi"], birthDates: ["1963/1968"], nationalities: ["IQ"] });
  return ix;
}

describe("ScreeningIndex", () => {
  it("finds a traveller in another script and explains every feature", () => {
    const [hit] = sample().search({
      name: "أسامة بن لادن",
      birthDate: "1957-03-10",
      nationality: "SA",
      sex: "M",
    });
    expect(hit?.id).toBe(1);
    expect(hit?.match).toBe(true);
    expect(hit?.explanation.name.scripts?.query).toBe("Arab");
    expect(hit?.explanation.birthDate.result).toBe("exact");
    expect(hit?.explanation.nationality.result).toBe("match");
    expect(hit?.explanation.sex.result).toBe("match");
    expect(hit?.explanation.summary).toMatch(/name match .*date of birth exact.*a hit/);
    expect(JSON.parse(JSON.stringify(hit))).toEqual(hit);
  });

  it("ranks by the qualifiers: the date of birth decides between two namesakes", () => {
    const results = sample().search({ name: "Muhamad al Hashimi", birthDate: "1966-04-02" });
    expect(results[0]?.id).toBe(4);
    expect(results[0]?.explanation.birthDate.result).toBe("within_range");
    const conflict = sample().search(
      { name: "Sergey Lavrov", birthDate: "1931-01-01", nationality: "FR" },
      { threshold: 0 },
    );
    expect(conflict[0]?.explanation.birthDate.result).toBe("conflict");
    expect(conflict[0]?.explanation.nationality.result).toBe("conflict");
    expect(conflict[0]?.match).toBe(false);
  });

  it("applies accept before the limit: a hidden record never crowds out a visible one", () => {
    const ix = sample();
    const all = ix.search({ name: "Mohammed Ahmed Hashimi" }, { limit: 1 });
    expect(all.map((r) => r.id)).toEqual([2]);
    const visible = ix.search({ name: "Mohammed Ahmed Hashimi" }, { limit: 1, accept: (id) => id !== 2 });
    expect(visible.map((r) => r.id)).toEqual([4]);
  });

  it("updates a replaced id and forgets a removed one", () => {
    const ix = sample();
    expect(ix.size).toBe(4);
    ix.add(3, { names: ["Ramzan Kadyrov"] });
    expect(ix.size).toBe(4);
    expect(ix.search({ name: "Sergey Lavrov" })).toEqual([]);
    expect(ix.search({ name: "Kadyrov Ramzan" })[0]?.id).toBe(3);
    ix.remove(3);
    expect(ix.size).toBe(3);
    expect(ix.search({ name: "Ramzan Kadyrov" })).toEqual([]);
    ix.remove(3);
    expect(ix.size).toBe(3);
  });

  it("counts a weak alias less, takes surname and given names apart, and honours the threshold", () => {
    const ix = sample();
    const weak = ix.search({ name: "Abu Abdallah" }, { threshold: 0 })[0];
    expect(weak?.explanation.name.weakAlias).toBe(true);
    expect(weak?.score).toBeLessThan(1);
    expect(ix.search({ name: "", surname: "LAVROV", givenNames: "SERGEY" })[0]?.id).toBe(3);
    expect(ix.search({ name: "Sergey Lavrov" }, { threshold: 0.999 })).toEqual([]);
    expect(MATCH_THRESHOLD).toBeGreaterThan(0.5);
  });

  it("survives many updates (the packed store compacts) and estimates its memory", () => {
    const ix = new ScreeningIndex();
    for (let round = 0; round < 30; round++)
      for (let id = 0; id < 3000; id++)
        ix.add(id, { names: [`Person${id % 97} Family${id} Round${round}`], birthDates: ["1970"] });
    expect(ix.size).toBe(3000);
    expect(ix.search({ name: "Person5 Family5 Round29" })[0]?.id).toBe(5);
    expect(ix.memoryBytes()).toBeGreaterThan(0);
  });

  it("finds persons through pair postings once their parts are common, as before they were", () => {
    // Enough namesakes that every part turns common (pair postings), with the one true person
    // among them: two-part queries must still find it, a repeated part included.
    const ix = new ScreeningIndex();
    const given = ["Ahmed", "Omar", "Ismail"];
    const family = ["Haddad", "Khoury", "Ismail"];
    let id = 0;
    for (let round = 0; round < 260; round++)
      for (const g of given)
        for (const f of family)
          ix.add(id++, { names: [`${g} Karim ${f}`], birthDates: [`${1960 + (round % 40)}`] });
    ix.add(5000, { names: ["Ismail Ismail"], birthDates: ["1999-02-03"] });
    ix.add(5001, { names: ["Omar Khoury"], birthDates: ["1971-05-06"] });
    expect(ix.search({ name: "Ismail Ismail", birthDate: "1999-02-03" })[0]?.id).toBe(5000);
    expect(ix.search({ name: "Omar Khoury", birthDate: "1971-05-06" })[0]?.id).toBe(5001);
    expect(ix.search({ name: "Khouri Umar" })[0]?.id).toBe(5001);
    // Replaced and removed persons leave the pair postings too.
    ix.add(5001, { names: ["Ahmed Haddad"], birthDates: ["1971-05-06"] });
    expect(ix.search({ name: "Omar Khoury", birthDate: "1971-05-06" }).map((r) => r.id)).not.toContain(5001);
    expect(ix.search({ name: "Ahmed Haddad", birthDate: "1971-05-06" })[0]?.id).toBe(5001);
    ix.remove(5001);
    expect(ix.search({ name: "Ahmed Haddad", birthDate: "1971-05-06" }).map((r) => r.id)).not.toContain(5001);
  });

  it("ranks a one-part name that is the query above longer names sharing the part", () => {
    const ix = new ScreeningIndex();
    for (let id = 0; id < 900; id++) ix.add(id, { names: [`Sana Bibi${id % 7} Khan${id % 11}`] });
    ix.add(900, { names: ["Sana"] });
    expect(ix.search({ name: "Sana" })[0]?.id).toBe(900);
  });
});
