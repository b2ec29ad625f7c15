/**
 * Abbreviations that end in a period which does not end a sentence.
 * `titles` are always followed by a name ("Mr. Smith", "Sen. Warren"), so a period after them never
 * ends a sentence; `other` usually do not ("Jan. 5", "No. 10", "approx. 300") but may close one.
 */
export const titleAbbreviations: readonly string[] = [
  'Mr', 'Mrs', 'Ms', 'Dr', 'Prof', 'Gen', 'Sen', 'Rep', 'Gov', 'Lt', 'Col', 'Sgt', 'Capt', 'Cmdr',
  'Adm', 'Maj', 'Rev', 'Hon', 'Pres', 'Supt', 'Insp', 'Atty', 'Amb', 'Fr', 'Sr', 'Jr', 'St', 'Mt', 'Ft',
  'Brig', 'Cpl', 'Pvt', 'Gens', 'Sens', 'Reps', 'Messrs', 'Const', 'Cst', 'Det', 'Coun', 'Ald',
]

export const otherAbbreviations: readonly string[] = [
  'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec',
  'No', 'Nos', 'vs', 'v', 'etc', 'approx', 'est', 'Inc', 'Corp', 'Co', 'Ltd', 'Bros', 'Dept', 'Univ',
  'Ave', 'Blvd', 'Rd', 'ca', 'cf', 'e.g', 'i.e', 'al', 'Fig', 'fig', 'p', 'pp', 'vol', 'Vol', 'ed', 'Ed',
  'Ariz', 'Calif', 'Colo', 'Conn', 'Del', 'Fla', 'Ga', 'Ill', 'Ind', 'Kan', 'Ky', 'La', 'Md', 'Mass',
  'Mich', 'Minn', 'Miss', 'Mo', 'Mont', 'Neb', 'Nev', 'Okla', 'Ore', 'Pa', 'Penn', 'Tenn', 'Tex', 'Va',
  'Vt', 'Wash', 'Wis', 'Wyo', 'D-Calif', 'R-Texas', 'Ont', 'Que', 'Alta', 'Sask', 'Nfld',
]
