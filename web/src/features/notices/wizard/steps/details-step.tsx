import { Assets } from "./assets.tsx";
import { Offences } from "./offences.tsx";
import { RedFields } from "./red-fields.tsx";
import type { StepProps } from "./shared.tsx";
import { BodyFields, MissingFields, ModusOperandiTypeFields, ThreatFields } from "./type-fields.tsx";

/** Step 3: offences, warrant or the type's own fields. */
export function DetailsStep({ draft, update }: StepProps) {
  switch (draft.type) {
    case "red":
      return <RedFields draft={draft} update={update} />;
    case "blue":
    case "green":
      return <Offences draft={draft} update={update} />;
    case "yellow":
      return <MissingFields draft={draft} update={update} />;
    case "black":
      return <BodyFields draft={draft} update={update} />;
    case "orange":
      return <ThreatFields draft={draft} update={update} />;
    case "purple":
      return <ModusOperandiTypeFields draft={draft} update={update} />;
    case "silver":
      return (
        <>
          <Assets draft={draft} update={update} />
          <Offences draft={draft} update={update} />
        </>
      );
    default:
      return null;
  }
}
