import type { PersonDraft } from "../../draft/types.ts";
import { DescriptionGroup, DocumentGroup } from "./person-description.tsx";
import { BirthGroup, IdentityGroup } from "./person-identity.tsx";
import type { StepProps } from "./shared.tsx";

/** A person subject: identity, date and place of birth, description and identity document. */
export function PersonFields({ draft, update }: StepProps) {
  const p = draft.person;
  const set = (patch: Partial<PersonDraft>) => update({ person: { ...p, ...patch } });
  return (
    <>
      <IdentityGroup p={p} set={set} />
      <BirthGroup p={p} set={set} />
      <DescriptionGroup p={p} set={set} />
      <DocumentGroup p={p} set={set} />
    </>
  );
}
