/** A run of text that stayed, was inserted or was deleted. */
export interface TextChange {
  type: 'equal' | 'insert' | 'delete'
  text: string
}

export type UnitStatus = 'added' | 'removed' | 'moved' | 'changed' | 'unchanged'

/** One part of the document compared: the preface, or one clause matched by its id. */
export interface UnitDiff {
  /** The clause id, or `preface`. */
  key: string
  kind: 'preface' | 'clause'
  /** `changed` and `moved` can both hold: `moved` is set, and `changed` says whether the text differs. */
  status: UnitStatus
  changed: boolean
  /** Clause numbers as shown in each version ('3', '3.1'); null where the clause is absent. */
  numberBefore: string | null
  numberAfter: string | null
  heading: TextChange[]
  body: TextChange[]
}

export interface DocumentDiff {
  summary: Record<UnitStatus, number>
  /** In the order of the newer version, removed clauses after the unit that preceded them. */
  units: UnitDiff[]
}
