"""What a counsellor reads of the knowledge searches (light: the interface imports it early)."""

AUCUN_SERVICE = (
    "Aucun service trouvé. Le paquet livré contient les SIAE, les GEIQ et les agences France "
    "Travail ; pour les autres services (logement, santé, droits…), importez l'export "
    "data·inclusion de votre territoire (passerelle knowledge import services FICHIER)."
)
"""What a counsellor reads when nothing answers: why, and how to add the local services."""
