package io.aiperf.records.export;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CsvSectionTest {

    @Test
    void quotesOnlyCellsWithACommaAQuoteOrALineBreak() throws IOException {
        StringWriter out = new StringWriter();
        try (CsvSection section = CsvSection.start(out, List.of("Metric", "Value"))) {
            section.row(List.of("a, b", "say \"hi\""));
            section.row(List.of("two\nlines", "cr\rhere"));
            // Python's csv module leaves these bare; Jackson's default (loose) check would quote every one of them.
            section.row(List.of("Inter Token Latency (ms)", "-0.01"));
            section.row(List.of("#first", "tab\there"));
            section.row(List.of("", "A name longer than twenty-four characters"));
        }

        assertThat(out.toString()).isEqualTo("Metric,Value\r\n"
                + "\"a, b\",\"say \"\"hi\"\"\"\r\n"
                + "\"two\nlines\",\"cr\rhere\"\r\n"
                + "Inter Token Latency (ms),-0.01\r\n"
                + "#first,tab\there\r\n"
                + ",A name longer than twenty-four characters\r\n");
    }

    @Test
    void aSectionWithoutRowsStillHasItsHeader() throws IOException {
        StringWriter out = new StringWriter();
        CsvSection.start(out, List.of("Timeslice", "Metric")).close();

        assertThat(out.toString()).isEqualTo("Timeslice,Metric\r\n");
    }

    @Test
    void sectionsShareOneTargetWithABlankLineBetween() throws IOException {
        StringWriter out = new StringWriter();
        try (CsvSection first = CsvSection.start(out, List.of("Metric", "avg", "min"))) {
            first.row(List.of("Request Latency (ms)", "13.50", ""));
        }
        out.write(CsvSection.BLANK_LINE);
        try (CsvSection second = CsvSection.start(out, List.of("Metric", "Value"))) {
            second.row(List.of("Request Count", "10"));
        }

        assertThat(out.toString()).isEqualTo("Metric,avg,min\r\nRequest Latency (ms),13.50,\r\n"
                + "\r\n"
                + "Metric,Value\r\nRequest Count,10\r\n");
    }
}
