using System;
using System.Collections.Generic;
using System.Linq;
using FactorialGen.Sandbox.Models;

namespace FactorialGen.Sandbox.Data;

/// <summary>Eight teams; managers lead them, everybody belongs to one and some to two.</summary>
internal static class TeamSeeder
{
    private static readonly string[] Names =
        ["People", "Engineering", "Sales", "Marketing", "Finance", "Customer Support", "Operations", "Product"];

    public static (List<Team> Teams, List<Membership> Memberships) Create(Random random, List<Employee> employees, int managerCount)
    {
        var members = new List<(long Team, long Employee, bool Lead)>();
        foreach (Employee employee in employees)
        {
            long id = employee.Id.Value;
            if (id == Seeder.AdminEmployeeId)
            {
                members.Add((1, id, true));
                continue;
            }

            bool manager = id <= managerCount + 1;
            long primary = manager ? 1 + ((id - 2) % Names.Length) : 1 + random.Next(Names.Length);
            members.Add((primary, id, manager));
            if (random.Next(10) == 0)
            {
                long second = 1 + random.Next(Names.Length);
                if (second != primary)
                {
                    members.Add((second, id, false));
                }
            }
        }

        long membershipId = 1;
        List<Membership> memberships = members
            .OrderBy(m => m.Team)
            .ThenBy(m => m.Employee)
            .Select(m => new Membership
            {
                Id = membershipId++,
                CompanyId = SandboxData.CompanyId,
                EmployeeId = m.Employee,
                TeamId = m.Team,
                Lead = m.Lead,
            })
            .ToList();

        List<Team> teams = Names
            .Select((name, index) =>
            {
                long teamId = index + 1;
                return new Team
                {
                    Id = teamId,
                    Name = name,
                    Description = $"The {name} team.",
                    Avatar = null,
                    EmployeeIds = memberships.Where(m => m.TeamId.Value == teamId).Select(m => m.EmployeeId).ToArray(),
                    LeadIds = memberships.Where(m => m.TeamId.Value == teamId && m.Lead).Select(m => m.EmployeeId).ToArray(),
                    CompanyId = SandboxData.CompanyId,
                };
            })
            .ToList();

        return (teams, memberships);
    }
}
