import { useI18n } from "../../lib/i18n/index.tsx";
import { categoryText, codeText } from "./texts.ts";
import type { Explanation } from "./types.ts";

/*
 * A carried firearm or a driven vehicle found in the police databases: what matched (the serial
 * number, the VIN or only the plate, which an officer should confirm by the VIN), what the record
 * describes, and its reported status in words that agree with the object.
 */

export function ObjectFinding({
  explanation: e,
  kind,
}: {
  explanation: Explanation;
  kind: "firearm" | "vehicle";
}) {
  const i18n = useI18n();
  const { t } = i18n;
  if (kind === "firearm" && e.firearm) {
    const f = e.firearm;
    return (
      <ul className="name-parts">
        <li>{codeText(i18n, "scr.ex.firearm.serial.", f.serialNumber)}</li>
        <li>
          {t("scr.ex.object.listedAs")} <bdi>{[f.make, f.model].filter(Boolean).join(" ")}</bdi>
          {f.type ? `, ${codeText(i18n, "db.firearmType.", f.type)}` : ""}
        </li>
        <li>{t("scr.ex.firearm.status", { status: categoryText(i18n, "firearm", f.status) })}</li>
      </ul>
    );
  }
  if (kind === "vehicle" && e.vehicle) {
    const v = e.vehicle;
    const plate = [v.plate, v.plateCountry ? `(${v.plateCountry})` : ""].filter(Boolean).join(" ");
    return (
      <ul className="name-parts">
        <li>{t(v.matchedBy === "vin" ? "scr.ex.vehicle.by.vin" : "scr.ex.vehicle.by.plate")}</li>
        <li>
          {t("scr.ex.object.listedAs")} <bdi>{[v.make, v.model].filter(Boolean).join(" ")}</bdi>
          {v.vin && (
            <>
              , VIN <bdi dir="ltr">{v.vin}</bdi>
            </>
          )}
          {plate && (
            <>
              , <bdi dir="ltr">{plate}</bdi>
            </>
          )}
        </li>
        <li>{t("scr.ex.vehicle.status", { status: categoryText(i18n, "vehicle", v.status) })}</li>
      </ul>
    );
  }
  return null;
}
