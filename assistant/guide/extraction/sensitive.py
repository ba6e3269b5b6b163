"""Words that never go into a record: the offence, the judgement, victims (rule A.1) and health
details (rule A.4). Free-text proposals drop every sentence that holds one of them; job titles and
project labels holding one are not proposed at all.
"""

import re

# Folded text (no accents, lower case).
INFRACTION = re.compile(
    r"\b(?:vols?|vole[rsz]?|voleu[rs]e?s?|cambriol\w*|braqu\w*|agressi\w*|agresse\w*|violen\w*"
    r"|viol(?:e|es|er|eur)?s?|meurtr\w*|homicid\w*|assassin\w*|tu[ée]r?|tue|escroq\w*|arnaqu\w*"
    r"|recel\w*|trafi\w*|deal\w*|stups?|stupefiant\w*|drogue[s]? (?:a|au) vendre|vend\w* de la"
    r"|go fast|guetteur|charbonn\w*|nourrice|armes?|arme(?:e|s)? blanche|coups? et blessures?"
    r"|frapp\w*|victimes?|plaintes?|parties? civiles?|infractions?|delits?|crimes?|faits"
    r"|condamn\w* (?:pour|a cause)|accus\w*|mis en examen|jug\w* pour|proces|tribunal|assises"
    r"|correctionnel\w*|cour d'appel|juge d'instruction|garde a vue|perquisition\w*"
    r"|incendi\w*|rackett?\w*|extorsion\w*|sequestr\w*|harcel\w*|menace\w*|outrage\w*"
    r"|rebellion|conduite sans permis|delit de fuite|refus d'obtemperer|stupefiants?)\b"
)

SANTE = re.compile(
    r"\b(?:alcool\w*|boi[st]|boire|buv\w*|bu|ivre\w*|saoul\w*|drogu\w*|cannabis|shit|beuh"
    r"|joints?|petards?|fum\w* (?:du|des|de la)|coke|cocaine|heroine|crack|ecstasy|md|mdma"
    r"|subutex|methadone|buprenorphine|substitution|sevrage|rechut\w*|addict\w*|dependan\w*"
    r"|consomm\w*|produits?|medicaments?|medocs?|cachets?|traitements?|psy\w*|depress\w*"
    r"|anxi\w*|angoiss\w*|schizo\w*|bipolai\w*|suicid\w*|hopital|hospitalis\w*|malad\w*"
    r"|hepatite|vih|sida|diabet\w*|cancer\w*|handicap\w*|operation|opere\w*|douleurs?|mal au"
    r"|mal aux|genou|blessure\w*|accident\w*|soins?|infirm\w*|medecin\w*|docteur\w*|csapa"
    r"|caarud|cmp|sante|enceinte|grossesse)\b"
)


def est_sensible(plie: str) -> bool:
    """Whether a folded text speaks of the offence, the judgement, victims or health."""
    return bool(INFRACTION.search(plie) or SANTE.search(plie))
