"""The guide engine: where the interview stands, what is missing, which question comes next."""

from dataclasses import dataclass

from assistant.domain.dossier import Dossier, Rencontre
from assistant.domain.enums import EtatEtape, TypeRencontre
from assistant.domain.steps import ETAPES
from assistant.guide.files import EtapeGuide, GuideData, Question, load_guide
from assistant.guide.presentation import lignes_etape_par_champ
from assistant.guide.profiles import ChoixProfil, choisir_profil
from assistant.guide.rules import EstReglemente, Regle, langage_simple, regles_actives

ETATS_CLOS = (EtatEtape.FAITE, EtatEtape.PASSEE)
# The bookkeeping of step 0 is not read back to the person.
CHAMPS_ADMINISTRATIFS = frozenset(
    {"date_entretien", "conseiller_id", "personne_ref", "type_etablissement", "langue_entretien"}
)


@dataclass(frozen=True)
class QuestionProposee:
    numero_etape: int
    titre_etape: str
    question: Question
    texte: str
    """The wording to use: the short one when the person needs simple language."""
    condensee: bool
    cloture: bool = False


@dataclass(frozen=True)
class AvancementEtape:
    numero: int
    titre: str
    etat: EtatEtape
    condensee: bool
    remplis: tuple[str, ...]
    non_abordes: tuple[str, ...]
    refuses: tuple[str, ...]
    manquants: tuple[str, ...]
    questions_restantes: int


class GuideEngine:
    """Pure logic over a dossier; the only mutations are the bookkeeping of the current meeting."""

    def __init__(
        self, data: GuideData | None = None, est_reglemente: EstReglemente | None = None
    ) -> None:
        self.data = data or load_guide()
        self._est_reglemente = est_reglemente

    # --- profile and rules --------------------------------------------------------------------

    def profil(self, dossier: Dossier) -> ChoixProfil:
        return choisir_profil(dossier)

    def regles(self, dossier: Dossier) -> list[Regle]:
        return regles_actives(dossier, self._est_reglemente)

    def etape(self, numero: int) -> EtapeGuide:
        return self.data.etapes[numero]

    def est_condensee(self, dossier: Dossier, numero: int) -> bool:
        profil = self.profil(dossier).profil
        return profil is not None and numero in self.data.profils[profil].etapes_condensees

    def questions(self, dossier: Dossier, numero: int) -> list[Question]:
        """The questions of a step that apply under the profile in force."""
        profil = self.profil(dossier).profil
        regles = self.data.profils[profil] if profil is not None else None
        condensee = self.est_condensee(dossier, numero)
        retenues = []
        for question in self.etape(numero).toutes_les_questions():
            if question.profils and profil not in question.profils:
                continue
            if regles is not None and set(question.themes) & set(regles.themes_omis):
                continue
            if condensee and not (question.essentielle or question.relance):
                continue
            retenues.append(question)
        if condensee:
            # A condensed step keeps the relances of the fields its essential questions cover.
            essentiels = {c for q in retenues if not q.relance for c in q.champs}
            retenues = [q for q in retenues if not q.relance or set(q.champs) <= essentiels]
        return retenues

    # --- progress -----------------------------------------------------------------------------

    def _reglee(
        self, dossier: Dossier, rencontre: Rencontre, question: Question, numero: int
    ) -> bool:
        if question.id in rencontre.questions_posees:
            return True
        if not question.champs:
            return False
        etape = dossier.etapes.par_numero(numero)
        tout_renseigne = all(etape.etat_champ(c) != "manquant" for c in question.champs)
        # At a follow-up meeting the open questions are asked again, to update the record.
        return tout_renseigne and (question.relance or rencontre.type is TypeRencontre.ACCUEIL)

    def avancement(self, dossier: Dossier, numero: int) -> AvancementEtape:
        etape = dossier.etapes.par_numero(numero)
        questions = self.questions(dossier, numero)
        attendus = list(dict.fromkeys(c for q in questions for c in q.champs))
        etats = {c: etape.etat_champ(c) for c in attendus}
        rencontre = dossier.rencontre_courante
        restantes = (
            sum(not self._reglee(dossier, rencontre, q, numero) for q in questions)
            if rencontre is not None
            else len(questions)
        )
        return AvancementEtape(
            numero=numero,
            titre=ETAPES[numero].titre,
            etat=rencontre.etat(numero) if rencontre is not None else EtatEtape.A_FAIRE,
            condensee=self.est_condensee(dossier, numero),
            remplis=tuple(c for c, e in etats.items() if e == "rempli"),
            non_abordes=tuple(c for c, e in etats.items() if e == "non_aborde"),
            refuses=tuple(c for c, e in etats.items() if e == "refus"),
            manquants=tuple(c for c, e in etats.items() if e == "manquant"),
            questions_restantes=restantes,
        )

    def progression(self, dossier: Dossier) -> tuple[int, int]:
        """(steps closed, steps planned) for the current meeting."""
        rencontre = dossier.rencontre_courante
        if rencontre is None:
            return 0, 0
        closes = sum(rencontre.etat(n) in ETATS_CLOS for n in rencontre.etapes_prevues)
        return closes, len(rencontre.etapes_prevues)

    def etape_courante(self, dossier: Dossier) -> int | None:
        rencontre = dossier.rencontre_courante
        if rencontre is None:
            return None
        for numero in rencontre.etapes_prevues:
            if rencontre.etat(numero) not in ETATS_CLOS:
                return numero
        return None

    def prochaine_question(
        self, dossier: Dossier, numero: int | None = None
    ) -> QuestionProposee | None:
        """The next question of the current step (or of step `numero` when the counsellor chose
        one), or its closing summary; None when all is done."""
        rencontre = dossier.rencontre_courante
        if numero is None or rencontre is None or numero not in rencontre.etapes_prevues:
            numero = self.etape_courante(dossier)
        if numero is None or rencontre is None:
            return None
        simple = langage_simple(dossier)
        condensee = self.est_condensee(dossier, numero)
        titre = ETAPES[numero].titre
        for question in self.questions(dossier, numero):
            if not self._reglee(dossier, rencontre, question, numero):
                texte = (
                    question.texte_simple if simple and question.texte_simple else question.texte
                )
                return QuestionProposee(numero, titre, question, texte, condensee)
        cloture = self._question_cloture(numero)
        texte = self._resume(dossier, numero, simple)
        return QuestionProposee(numero, titre, cloture, texte, condensee, cloture=True)

    def _resume(self, dossier: Dossier, numero: int, simple: bool) -> str:
        """The closing question with what was noted in the step, for the counsellor to read
        back (rule A.7): the person hears what will be written before it is validated."""
        textes = self.data.commun.cloture
        lignes = [
            f"• {titre} : {valeur}"
            for champ, titre, valeur in lignes_etape_par_champ(dossier.etapes.par_numero(numero))
            if champ not in CHAMPS_ADMINISTRATIFS
        ]
        if not lignes:
            return textes.texte_simple if simple else textes.texte
        intro = textes.intro_resume_simple if simple else textes.intro_resume
        validation = textes.validation_simple if simple else textes.validation
        return "\n".join([intro, *lignes, validation])

    def _question_cloture(self, numero: int) -> Question:
        commun = self.data.commun.cloture
        return Question(
            id=f"{ETAPES[numero].cle}.cloture",
            texte=commun.texte,
            texte_simple=commun.texte_simple,
            pourquoi=commun.pourquoi,
        )

    # --- bookkeeping of the current meeting ---------------------------------------------------

    def marquer_posee(self, dossier: Dossier, proposee: QuestionProposee) -> None:
        """Record that a proposed question was asked; the closing summary closes the step."""
        rencontre = self._rencontre(dossier)
        if proposee.question.id not in rencontre.questions_posees:
            rencontre.questions_posees = [*rencontre.questions_posees, proposee.question.id]
        etat = EtatEtape.FAITE if proposee.cloture else EtatEtape.EN_COURS
        if rencontre.etat(proposee.numero_etape) is not EtatEtape.FAITE:
            self.changer_etat(dossier, proposee.numero_etape, etat)

    def changer_etat(self, dossier: Dossier, numero: int, etat: EtatEtape) -> None:
        rencontre = self._rencontre(dossier)
        rencontre.etat_etapes = {**rencontre.etat_etapes, numero: etat}

    @staticmethod
    def _rencontre(dossier: Dossier) -> Rencontre:
        if dossier.rencontre_courante is None:
            raise ValueError("Commencez d'abord un rendez-vous dans ce dossier.")
        return dossier.rencontre_courante
