/**
 * Patient data to prefill: name, birth date, fødselsnummer / D-nummer (checksum-validated) and GP, from a FHIR
 * Patient the host gives. Pure. The values are offers like any reused answer: nothing is filled in unseen.
 *
 * Items are found by code or by linkId (case-insensitive). Defaults (override per field with `fields`):
 *
 * | field           | codes                                                       | linkIds                      |
 * |-----------------|-------------------------------------------------------------|------------------------------|
 * | `name`          | LOINC 54125-0, helsekit `patient-name`                      | `name`, `navn`, `patientName` |
 * | `birthDate`     | LOINC 21112-8, helsekit `patient-birth-date`                | `birthDate`, `fodselsdato`   |
 * | `fodselsnummer` | system urn:oid:2.16.578.1.12.4.1.4.1 or …4.2; helsekit `patient-fnr` | `fodselsnummer`, `fnr` |
 * | `gp`            | helsekit `patient-gp`                                       | `gp`, `fastlege`             |
 *
 * (helsekit codes have the system `https://helsekit.no/fhir/CodeSystem/patient-field`.)
 */
import type { Patient, Questionnaire } from 'fhir/r4';
import type { ItemInfo } from '../fhir/item-index.js';
import { validateFodselsnummer } from '../validation/fodselsnummer.js';
import { DNR_SYSTEM, FNR_SYSTEM, isHiddenItem, itemIndex } from './form.rules.js';
import type { PrefillOffer } from './form.types.js';

export type PatientField = 'name' | 'birthDate' | 'fodselsnummer' | 'gp';

export const PATIENT_FIELD_SYSTEM = 'https://helsekit.no/fhir/CodeSystem/patient-field';

/** Selectors: `system|code` for an item code, a bare string for a linkId. */
export type FieldSelectors = Partial<Record<PatientField, readonly string[]>>;

export const DEFAULT_PATIENT_FIELDS: Readonly<Record<PatientField, readonly string[]>> = {
  name: ['http://loinc.org|54125-0', `${PATIENT_FIELD_SYSTEM}|patient-name`, 'name', 'navn', 'patientName'],
  birthDate: ['http://loinc.org|21112-8', `${PATIENT_FIELD_SYSTEM}|patient-birth-date`, 'birthDate', 'fodselsdato', 'fødselsdato'],
  fodselsnummer: [`${FNR_SYSTEM}|*`, `${DNR_SYSTEM}|*`, `${PATIENT_FIELD_SYSTEM}|patient-fnr`, 'fodselsnummer', 'fødselsnummer', 'fnr'],
  gp: [`${PATIENT_FIELD_SYSTEM}|patient-gp`, 'gp', 'fastlege'],
};

function matches(info: ItemInfo, selectors: readonly string[]): boolean {
  return selectors.some((s) => {
    const bar = s.lastIndexOf('|');
    // linkIds match without regard to case: `birthDate`, `birthdate` and `BirthDate` are the same field
    if (bar < 0) return info.linkId.toLowerCase() === s.toLowerCase();
    const system = s.slice(0, bar);
    const code = s.slice(bar + 1);
    return info.code.some((c) => c.system === system && (code === '*' || c.code === code));
  });
}

/** The values the Patient gives, per field (only valid ones: a fødselsnummer that fails its checksum is left out). */
export function patientValues(patient: Patient, options: { allowTestIdentifiers?: boolean } = {}): Partial<Record<PatientField, string>> {
  const out: Partial<Record<PatientField, string>> = {};
  const name = patient.name?.find((n) => n.use === 'official') ?? patient.name?.find((n) => n.use === 'usual') ?? patient.name?.[0];
  const display = name?.text ?? [...(name?.given ?? []), name?.family].filter(Boolean).join(' ');
  if (display) out.name = display;
  const ids = patient.identifier ?? [];
  const id = ids.find((i) => i.system === FNR_SYSTEM && i.value) ?? ids.find((i) => i.system === DNR_SYSTEM && i.value);
  const fnr = id?.value ? validateFodselsnummer(id.value, { allowHNumber: options.allowTestIdentifiers, allowSynthetic: options.allowTestIdentifiers }) : undefined;
  if (fnr?.valid) out.fodselsnummer = fnr.value;
  if (patient.birthDate) out.birthDate = patient.birthDate;
  else if (fnr?.valid) out.birthDate = fnr.birthDate;
  const gp = patient.generalPractitioner?.find((g) => g.display)?.display;
  if (gp) out.gp = gp;
  return out;
}

/** Which patient field an item asks for (by code or linkId, as for prefill), or null. */
export function patientFieldOf(info: ItemInfo, fields: FieldSelectors = {}): PatientField | null {
  for (const field of Object.keys(DEFAULT_PATIENT_FIELDS) as PatientField[]) {
    if (field === 'birthDate' ? info.type !== 'date' : info.type === 'date') continue;
    if (matches(info, fields[field] ?? DEFAULT_PATIENT_FIELDS[field])) return field;
  }
  return null;
}

/**
 * The HTML `autocomplete` token for an item (WCAG 1.3.5: a browser or assistive tool can fill it in or mark what
 * it is): `name` and `bday` for the patient's name and birth date. `off` for everything else, including the
 * fødselsnummer, which has no token and must not be suggested from another person's autofill.
 */
export function autocompleteFor(info: ItemInfo, fields: FieldSelectors = {}): 'name' | 'bday' | 'off' {
  const field = patientFieldOf(info, fields);
  return field === 'name' ? 'name' : field === 'birthDate' ? 'bday' : 'off';
}

/** Offers (origin `patient`) for the items of `questionnaire` that ask for patient data. */
export function patientPrefill(questionnaire: Questionnaire, patient: Patient, options: { fields?: FieldSelectors; allowTestIdentifiers?: boolean } = {}): PrefillOffer[] {
  const values = patientValues(patient, options);
  const index = itemIndex(questionnaire);
  const offers: PrefillOffer[] = [];
  for (const info of index.values()) {
    if (info.type !== 'string' && info.type !== 'text' && info.type !== 'date') continue;
    if (info.readOnly || info.repeatingGroups.length > 0 || isHiddenItem(index, info.linkId)) continue;
    for (const field of Object.keys(DEFAULT_PATIENT_FIELDS) as PatientField[]) {
      const value = values[field];
      if (value === undefined) continue;
      if (field === 'birthDate' ? info.type !== 'date' : info.type === 'date') continue;
      if (!matches(info, options.fields?.[field] ?? DEFAULT_PATIENT_FIELDS[field])) continue;
      offers.push({ linkId: info.linkId, value, origin: { kind: 'patient' } });
      break;
    }
  }
  return offers;
}
