namespace FactorialGen.Sandbox.Data;

/// <summary>Plain ASCII given names and family names the seeder combines into employees.</summary>
internal static class NameBank
{
    public static readonly string[] FemaleNames =
    [
        "Ana", "Laura", "Marta", "Lucia", "Sofia", "Elena", "Clara", "Paula", "Irene", "Julia",
        "Carmen", "Nuria", "Alba", "Sara", "Ines", "Beatriz", "Helena", "Mia", "Emma", "Hannah",
        "Lena", "Greta", "Mariana", "Rita", "Joana", "Olivia", "Chloe", "Amelia", "Noa", "Vera",
    ];

    public static readonly string[] MaleNames =
    [
        "Pablo", "Javier", "Daniel", "Marc", "Jordi", "Hugo", "Mario", "Diego", "Alvaro", "Sergio",
        "Pedro", "Tiago", "Joao", "Rui", "Lukas", "Felix", "Jonas", "Paul", "Leon", "Max",
        "Oliver", "Jack", "Thomas", "Adrian", "Victor", "Raul", "Ivan", "Bruno", "Nil", "Oscar",
    ];

    public static readonly string[] FamilyNames =
    [
        "Garcia", "Martinez", "Lopez", "Sanchez", "Perez", "Gomez", "Fernandez", "Ruiz", "Diaz", "Moreno",
        "Navarro", "Torres", "Vidal", "Puig", "Ferrer", "Serra", "Soler", "Costa", "Silva", "Santos",
        "Pereira", "Oliveira", "Rodrigues", "Almeida", "Schmidt", "Muller", "Weber", "Fischer", "Wagner", "Becker",
        "Hoffmann", "Koch", "Richter", "Smith", "Brown", "Taylor", "Wilson", "Evans", "Walker", "Hughes",
    ];
}
