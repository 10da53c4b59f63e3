using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Isol8.CdkAnalyzers.Model;

internal static class OperationFlow
{
    /// <summary>The value a call passes, in its own words, for the parameter at <paramref name="ordinal"/>; null for a default or a missing one.</summary>
    public static IOperation? ExplicitArgument(IInvocationOperation invocation, int ordinal) => ExplicitArgument(invocation.Arguments, ordinal);

    /// <summary>The same for a creation's arguments (<see cref="IObjectCreationOperation.Arguments"/>).</summary>
    public static IOperation? ExplicitArgument(System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments, int ordinal)
        => ExplicitArgumentOf(arguments, ordinal)?.Value;

    /// <summary>The argument itself (its parameter with it) that <see cref="ExplicitArgument(System.Collections.Immutable.ImmutableArray{IArgumentOperation}, int)"/> gives the value of.</summary>
    public static IArgumentOperation? ExplicitArgumentOf(System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments, int ordinal)
    {
        foreach (var argument in arguments)
        {
            if (argument.Parameter?.Ordinal == ordinal && argument.ArgumentKind == ArgumentKind.Explicit)
            {
                return argument;
            }
        }

        return null;
    }

    /// <summary>Strips conversions and parentheses, and turns the receiver of <c>a?.B</c> into <c>a</c>.</summary>
    public static IOperation Unwrap(IOperation operation)
    {
        while (true)
        {
            switch (operation)
            {
                case IConversionOperation conversion:
                    operation = conversion.Operand;
                    break;
                case IParenthesizedOperation parenthesized:
                    operation = parenthesized.Operand;
                    break;
                case IConditionalAccessInstanceOperation instance when ConditionalAccessReceiver(instance) is { } receiver:
                    operation = receiver;
                    break;
                default:
                    return operation;
            }
        }
    }

    private static IOperation? ConditionalAccessReceiver(IConditionalAccessInstanceOperation instance)
    {
        IOperation child = instance;
        for (var parent = instance.Parent; parent is not null; child = parent, parent = parent.Parent)
        {
            if (parent is IConditionalAccessOperation access && access.WhenNotNull == child)
            {
                return access.Operation;
            }
        }

        return null;
    }
}
